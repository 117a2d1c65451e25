#!/bin/sh
# record.sh - --record, --replay and --export-trace as users run them.
bin=$1
py=${2:-python3}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok   $1"; }
no() { echo "FAIL $1"; fail=1; }

# Each scenario: its replay hands out every recorded event, field for
# field (--log=events prints them as the recording holds them), and ends.
for scen in $("$bin" --list | cut -d' ' -f1); do
    "$bin" --headless --scenario "$scen" --speed 100 --record "$tmp/$scen.rec" >"$tmp/live" 2>/dev/null
    # the replay writes the program's stdout again, as the run wrote it
    "$bin" --headless --replay "$tmp/$scen.rec" --speed 100 2>/dev/null | grep -v '^# ' >"$tmp/again"
    cmp -s "$tmp/live" "$tmp/again" && ok "replay-output-$scen" ||
        { no "replay-output-$scen"; diff "$tmp/live" "$tmp/again" | head -5; }
    "$bin" --headless --replay "$tmp/$scen.rec" --speed 100 --log=events >"$tmp/back" 2>&1; st=$?
    sed -n '/^events$/,$p' "$tmp/$scen.rec" | grep '^[0-9]' >"$tmp/a"
    grep -v '^#' "$tmp/back" >"$tmp/b"
    if [ $st = 0 ] && [ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" && grep -q '^end [0-9]' "$tmp/$scen.rec"; then
        ok "replay-$scen"
    else
        no "replay-$scen (status $st)"; diff "$tmp/a" "$tmp/b" | head -5
    fi
done

# A stepped run: the recording holds the controller's steps, and replays them.
"$bin" --headless --speed 100 --step --record "$tmp/s.rec" >"$tmp/live" 2>&1
"$bin" --headless --replay "$tmp/s.rec" --log=events --step >"$tmp/back" 2>&1
sed -n '/^events$/,$p' "$tmp/s.rec" | grep '^[0-9]' >"$tmp/a"; grep -v '^#' "$tmp/back" >"$tmp/b"
if cmp -s "$tmp/a" "$tmp/b" && grep -q ctl-step "$tmp/b"; then ok replay-events-step; else no replay-events-step; fi
# A recording of format version 1 (the C scenarios, retired) is refused by name.
printf 'poolscope-recording 1\nparam kind=worker-pool\nevents\nend 0\n' >"$tmp/v1.rec"
out=$("$bin" --headless --replay "$tmp/v1.rec" 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "v1.rec:1: recording format version 1 (a C scenario's.*is no longer read"; then
    ok replay-v1-refused; else no replay-v1-refused; printf '%s\n' "$out" | head -3; fi

# A full disk: one clear message, the run goes on to its end, status 1.
out=$("$bin" --headless --speed 100 --record /dev/full 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q 'recording to /dev/full stopped.*No space left on device; the run goes on' &&
    printf '%s' "$out" | grep -q 'worker [0-9] finished'; then ok record-dev-full; else no record-dev-full; printf '%s\n' "$out" | head -3; fi
out=$("$bin" --headless --speed 100 --record /nonexistent/x.rec 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q 'cannot record to /nonexistent/x.rec: No such file' &&
    printf '%s' "$out" | grep -q 'worker [0-9] finished'; then ok record-unwritable; else no record-unwritable; fi

# A recording cut short (killed mid-line): what is whole is replayed, and said.
# (the cut must fall inside a line: the stamps' digits move the line ends)
n=1500
while [ "$(head -c "$n" "$tmp/worker-pool.rec" | tail -c 1 | od -An -tx1 | tr -d ' ')" = 0a ]; do
    n=$((n - 1))
done
head -c "$n" "$tmp/worker-pool.rec" >"$tmp/cut.rec"
out=$("$bin" --headless --replay "$tmp/cut.rec" --speed 100 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "cut.rec:[0-9]*: last line is cut short (no newline); replaying the [0-9]* events before it"; then
    ok replay-cut-short; else no replay-cut-short; printf '%s\n' "$out" | head -3; fi
out=$("$bin" --headless --replay "$here/record.sh" 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "record.sh:1: not a poolscope recording"; then ok replay-not-a-recording; else no replay-not-a-recording; fi
out=$("$bin" --headless --replay "$tmp/missing.rec" 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "cannot read recording $tmp/missing.rec: No such file"; then ok replay-missing; else no replay-missing; printf '%s\n' "$out" | head -3; fi
out=$("$bin" --headless --replay "$tmp" 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "Is a directory"; then ok replay-directory; else no replay-directory; printf '%s\n' "$out" | head -3; fi
: >"$tmp/empty.rec"
out=$("$bin" --headless --replay "$tmp/empty.rec" 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "empty.rec:1: empty file, not a poolscope recording"; then ok replay-empty; else no replay-empty; fi
# a line quoted in a message never carries control bytes to the terminal
{ head -3 "$tmp/worker-pool.rec"; printf '\033c\033[31mred\a\n'; } >"$tmp/esc.rec"
out=$("$bin" --headless --replay "$tmp/esc.rec" 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "esc.rec:4: unexpected line '?c?\[31mred?'"; then ok replay-control-bytes; else no replay-control-bytes; printf '%s\n' "$out" | head -3; fi
out=$("$bin" --headless --speed 100 --record "$tmp" 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "cannot record to $tmp: Is a directory; the run goes on"; then ok record-to-directory; else no record-to-directory; fi
out=$("$bin" --headless --speed 100 --export-cast /nonexistent/x.cast 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "cannot export a cast to /nonexistent/x.cast: No such file"; then ok cast-unwritable; else no cast-unwritable; fi
out=$("$bin" --headless --replay "$tmp/s.rec" --scenario race 2>&1); st=$?
if [ $st = 2 ] && printf '%s' "$out" | grep -q "takes the recording's own program: drop --scenario"; then ok replay-with-program; else no replay-with-program; fi

# Traces: a live run and a replay, each valid JSON with the expected tracks.
"$bin" --headless --speed 100 --export-trace "$tmp/live.json" >/dev/null 2>&1 &&
    "$py" "$here/check_trace.py" "$tmp/live.json" 3 && ok trace-live || no trace-live
"$bin" --replay "$tmp/worker-pool.rec" --export-trace "$tmp/back.json" >/dev/null 2>&1 &&
    "$py" "$here/check_trace.py" "$tmp/back.json" 3 && ok trace-replay || no trace-replay
# A Go program: the recording holds its source and --set values (version 2),
# so it replays, exports and names its goroutines where the file is gone.
cp "$here/../assets/scenarios/worker-pool.go" "$tmp/pool.go"
out=$("$bin" --headless "$tmp/pool.go" --set numJobs=3 --record "$tmp/go.rec" 2>&1); st=$?
if [ $st = 0 ] && [ "$(printf '%s\n' "$out" | grep -c 'finished job')" = 3 ] &&
    head -1 "$tmp/go.rec" | grep -qx 'poolscope-recording 3' && grep -qx 'set numJobs=3' "$tmp/go.rec" &&
    grep -qx '| func worker(id int, jobs <-chan int, results chan<- int) {' "$tmp/go.rec"; then
    ok record-go
else
    no record-go; printf '%s\n' "$out" | head -3; head -5 "$tmp/go.rec"
fi
rm "$tmp/pool.go"
"$bin" --replay "$tmp/go.rec" --export-trace "$tmp/go.json" >"$tmp/out" 2>&1 &&
    "$py" - "$tmp/go.json" <<'PY' && ok trace-go-replay || { no trace-go-replay; cat "$tmp/out"; }
import json, sys
d = json.load(open(sys.argv[1]))
names = sorted(e["args"]["name"] for e in d["traceEvents"] if e.get("name") == "thread_name")
assert names == ["W1 worker(1)", "W2 worker(2)", "W3 worker(3)", "main"], names
slices = {e["name"] for e in d["traceEvents"] if e["ph"] == "X"}
assert {"send jobs 1", "recv results 2"} <= slices, slices
assert any(n.startswith("recv results (blocked)") for n in slices), slices
PY
out=$("$bin" --headless "$here/../assets/scenarios/worker-pool.go" --no-events --record "$tmp/x.rec" 2>&1); st=$?
if [ $st = 2 ] && printf '%s' "$out" | grep -q -- '--no-events runs the program unwatched: not with --record'; then
    ok record-go-no-events
else
    no record-go-no-events; printf '%s\n' "$out" | head -3
fi
out=$("$bin" --headless --speed 100 --export-trace /nonexistent/t.json 2>&1); st=$?
if [ $st = 1 ] && printf '%s' "$out" | grep -q "cannot export a trace to /nonexistent/t.json"; then ok trace-unwritable; else no trace-unwritable; fi

# Casts: valid asciicast v2 with frames and markers; asciinema accepts them.
"$bin" --replay "$tmp/worker-pool.rec" --export-cast "$tmp/back.cast" >/dev/null 2>&1 &&
    "$py" "$here/check_cast.py" "$tmp/back.cast" && ok cast-replay || no cast-replay
"$bin" --headless --scenario waitgroup --export-cast "$tmp/live.cast" --speed 10 >/dev/null 2>&1 &&
    "$py" "$here/check_cast.py" "$tmp/live.cast" && ok cast-live || no cast-live
if command -v asciinema >/dev/null && command -v script >/dev/null; then
    # asciinema cat reads /dev/tty: give it one
    if script -qec "asciinema cat '$tmp/back.cast'" /dev/null 2>&1 | grep -q 'Job Queue: jobs'; then
        ok cast-asciinema-cat; else no cast-asciinema-cat; fi
else
    echo "skip cast-asciinema-cat (asciinema or script not installed)"
fi
exit $fail
