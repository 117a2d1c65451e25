#!/usr/bin/env python3
"""check_cast.py FILE.cast - a valid asciicast v2: a header object with
version 2, width, height; then [time, code, data] lines with code "o" or
"m", times never decreasing; markers present."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().splitlines()
head = json.loads(lines[0])
assert head["version"] == 2 and head["width"] > 0 and head["height"] > 0, head
assert isinstance(head.get("title"), str), head
last, codes = 0.0, {}
for n, line in enumerate(lines[1:], 2):
    t, code, data = json.loads(line)
    assert t >= last, "line %d: time %f before %f" % (n, t, last)
    assert code in ("o", "m") and isinstance(data, str), "line %d: %r" % (n, line)
    codes[code] = codes.get(code, 0) + 1
    last = t
assert codes.get("o") and codes.get("m"), codes
print("cast ok: %d frames, %d markers, %.3f s" % (codes["o"], codes["m"], last))
