#!/bin/sh
# html.sh POOLSCOPE CAST_SCREEN [PYTHON] - --export-html in headless Chromium.
# A stepped worker-pool.go is exported as a cast and a page; the page must be
# one file that loads offline from file:// (network resolution is refused),
# its player must start with the cast's size and list every marker as a
# chapter, "#play" must pause at the first marker, and "#marker=N" must show
# the cast's frame at marker N (the player's terminal text against the cast's
# output up to that time, fed to libvterm by cast_screen).  Skipped (77) with
# a message when Chromium or the build's player is missing; CI has both.
bin=$1
cast_screen=$2
py=${3:-python3}
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
if [ -z "$chrome" ]; then
    echo "skip: no Chromium (apt-get install chromium)"
    exit 77
fi
tmp=$(mktemp -d); [ -n "${KEEP:-}" ] && echo "kept: $tmp"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
failed=0
ok() { echo "ok   $*"; }
no() { echo "FAIL $*"; failed=1; }

"$bin" --headless --step --scenario worker-pool --pace virtual --dwell 200 \
    --export-cast "$tmp/c.cast" --export-html "$tmp/p.html" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && grep -q 'asciinema player' "$tmp/err"; then
    echo "skip: $(cat "$tmp/err")"
    exit 77
fi
[ $rc -eq 0 ] || { no "export: exit $rc: $(cat "$tmp/err")"; exit 1; }
size=$(wc -c <"$tmp/p.html")
markers=$(grep -c '^\[[0-9.]*, "m", ' "$tmp/c.cast")
steps=$(grep -c '^\[[0-9.]*, "m", "step ' "$tmp/c.cast")
ok "exported: a $size-byte page, a cast with $markers markers ($steps steps)"

# One file: no element loads anything (scripts, styles, images, frames)
if grep -Eiq '<(script|img|iframe|link|embed|object)[^>]* (src|href)=' "$tmp/p.html"; then
    no "the page loads a resource: $(grep -Eio '<(script|img|iframe|link)[^>]* (src|href)=[^>]*' "$tmp/p.html" | head -2)"
else
    ok "the page is one file (no src= or href= on a loading element)"
fi

# dom HASH OUT: the page's DOM after the player had 8 s of virtual time,
# offline (every host name fails to resolve)
dom() {
    timeout 90 "$chrome" --headless=new --no-sandbox --disable-gpu --no-first-run \
        --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$tmp/profile" \
        --virtual-time-budget=8000 --window-size=1400,1000 \
        --dump-dom "file://$tmp/p.html$1" >"$2" 2>"$tmp/chrome.err"
}

# rows FILE.dom: the player's terminal as text rows (a span per run of
# cells, at its --offset column), trailing blanks cut; and its attributes.
# The player paints block elements (U+2580-U+259F: the gauges, the
# timeline) on its canvas, not as text: the cast's frame is compared with
# them as blanks ("unblock")
cat >"$tmp/rows.py" <<'PY'
import html.parser, re, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.row, self.col, self.depth, self.body, self.meta = {}, None, None, 0, {}, {}
    def handle_starttag(self, tag, a):
        a = dict(a)
        cls, style = a.get("class") or "", a.get("style") or ""
        if tag == "body":
            self.body = a
        if tag == "div" and "ap-term" in cls.split():
            m = re.search(r"--term-cols: (\d+); --term-rows: (\d+)", style)
            if m:
                self.meta = {"cols": int(m.group(1)), "rows": int(m.group(2))}
        if tag == "span" and "ap-line" in cls.split():
            self.row = int(re.search(r"--row: (\d+)", style).group(1))
            self.rows[self.row] = {}
            self.depth = 1
        elif tag == "span" and self.row is not None:
            self.depth += 1
            m = re.search(r"--offset: (\d+)", style)
            self.col = int(m.group(1)) if m else self.col
    def handle_endtag(self, tag):
        if tag == "span" and self.row is not None:
            self.depth -= 1
            if self.depth == 0:
                self.row = None
    def handle_data(self, d):
        if self.row is not None and self.col is not None:
            for i, ch in enumerate(d):
                self.rows[self.row][self.col + i] = ch
            self.col += len(d)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
what = sys.argv[2]
if what == "attr":
    print(p.body.get(sys.argv[3], ""))
elif what == "size":
    print("%sx%s" % (p.meta.get("cols", "?"), p.meta.get("rows", "?")))
elif what == "chapters":
    print(len(re.findall(r'<li[^>]*><button', open(sys.argv[1], encoding="utf-8").read())))
elif what == "unblock":  # a text screen with the block elements as blanks
    for line in open(sys.argv[1], encoding="utf-8"):
        print(re.sub("[\u2580-\u259f]", " ", line.rstrip("\n")).rstrip())
else:
    n = max(p.rows) + 1 if p.rows else 0
    for r in range(n):
        cells = p.rows.get(r, {})
        w = max(cells) + 1 if cells else 0
        print("".join(cells.get(c, " ") for c in range(w)).rstrip())
PY
attr() { "$py" "$tmp/rows.py" "$1" attr "$2"; }

dom "" "$tmp/load.dom"
if [ "$(attr "$tmp/load.dom" data-ready)" = 1 ] && [ -z "$(attr "$tmp/load.dom" data-error)" ]; then
    ok "the page loads offline from file:// and the player starts"
else
    no "the page did not start: ready '$(attr "$tmp/load.dom" data-ready)' error '$(attr "$tmp/load.dom" data-error)' $(head -c 300 "$tmp/chrome.err")"
fi
want=$(head -1 "$tmp/c.cast" | "$py" -c 'import json,sys; h=json.loads(sys.stdin.read()); print("%dx%d" % (h["width"], h["height"]))')
got=$("$py" "$tmp/rows.py" "$tmp/load.dom" size)
[ "$got" = "$want" ] && ok "the player's terminal is the cast's $want" || no "terminal $got, the cast's $want"
chapters=$("$py" "$tmp/rows.py" "$tmp/load.dom" chapters)
[ "$chapters" -eq "$markers" ] && ok "$chapters chapters, one per marker" ||
    no "$chapters chapters for $markers markers"

# Played from the start, it stops at the first marker after it (one at 0 s
# is where it starts)
first=$(grep '^\[[0-9.]*, "m", ' "$tmp/c.cast" | awk -F'[[,]' '$2 > 0 { print NR - 1; exit }')
dom "#play" "$tmp/play.dom"
[ "$(attr "$tmp/play.dom" data-paused-at)" = "$first" ] &&
    ok "#play: the player paused at the first marker after its start (marker $first)" ||
    no "#play: paused at '$(attr "$tmp/play.dom" data-paused-at)', want marker $first"

# Seeking to a marker shows the cast's frame there: the first, a step in
# the middle, the last
for i in 0 $((markers / 2)) $((markers - 1)); do
    t=$(grep '^\[[0-9.]*, "m", ' "$tmp/c.cast" | sed -n "$((i + 1))p" | sed 's/^\[\([0-9.]*\),.*/\1/')
    label=$(grep '^\[[0-9.]*, "m", ' "$tmp/c.cast" | sed -n "$((i + 1))p" | sed 's/^[^"]*"m", "\(.*\)"\]$/\1/')
    dom "#marker=$i" "$tmp/m$i.dom"
    at=$(attr "$tmp/m$i.dom" data-time)
    "$py" "$tmp/rows.py" "$tmp/m$i.dom" rows >"$tmp/m$i.page"
    "$cast_screen" "$tmp/c.cast" "$t" >"$tmp/m$i.frame"
    "$py" "$tmp/rows.py" "$tmp/m$i.frame" unblock >"$tmp/m$i.cast"
    if [ "$(attr "$tmp/m$i.dom" data-chapter)" != "$i" ]; then
        no "#marker=$i: the page is at chapter '$(attr "$tmp/m$i.dom" data-chapter)'"
    elif ! echo "$at $t" | awk '{ d = $1 - $2; exit !(d < 0.001 && d > -0.001) }'; then
        no "#marker=$i: the player is at ${at}s, the marker at ${t}s"
    elif [ "$(sed '/^$/d' "$tmp/m$i.page" | wc -l)" -lt 5 ]; then
        no "#marker=$i: the player's terminal is (nearly) empty"
    elif cmp -s "$tmp/m$i.page" "$tmp/m$i.cast"; then
        ok "#marker=$i ($label, ${t}s): the player's $(wc -l <"$tmp/m$i.page") rows are the cast's frame"
    else
        no "#marker=$i ($label): the player's terminal differs from the cast's frame:"
        diff "$tmp/m$i.cast" "$tmp/m$i.page" | head -12 | sed 's/^/  | /'
    fi
done
exit $failed
