#!/usr/bin/env python3
"""check_trace.py TRACE.json WORKERS - a Chrome trace poolscope wrote of the
worker pool is valid JSON with a named track per goroutine (W1 worker(1)),
sleep (a job's work), blocked and queue slices, counter tracks and matched
hand-off flows."""
import json
import sys

path, workers = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as f:
    doc = json.load(f)
ev = doc["traceEvents"]
names = {e["tid"]: e["args"]["name"] for e in ev
         if e["ph"] == "M" and e["name"] == "thread_name"}
want = ["main"] + ["W%d worker(%d)" % (w, w) for w in range(1, workers + 1)]
assert all(n in names.values() for n in want), "thread names %s" % names
cats = {e.get("cat") for e in ev if e["ph"] == "X"}
for c in ("sleep", "blocked", "queue"):
    assert c in cats, "no X slices of cat %s (have %s)" % (c, cats)
for e in ev:
    if e["ph"] == "X":
        assert e["dur"] >= 0 and e["ts"] >= 0, e
        assert e["tid"] in names, "slice on an unnamed track: %s" % e
counters = {e["name"] for e in ev if e["ph"] == "C"}
assert "queue jobs" in counters, "counters %s" % counters
starts = {e["id"] for e in ev if e["ph"] == "s"}
finishes = {e["id"] for e in ev if e["ph"] == "f"}
assert starts and finishes <= starts, "flows: %d s, %d f" % (len(starts), len(finishes))
jobs = [e for e in ev if e["ph"] == "X" and e["cat"] == "sleep"]
print("trace ok: %d records, %d tracks, %d sleep slices, %d flows, counters %s"
      % (len(ev), len(names), len(jobs), len(finishes), sorted(counters)))
