#!/bin/sh
# trace.sh - --export-trace as users run it, each trace checked by
# check_trace.py (the Trace Event Format as Perfetto reads it, poolscope's
# layout): step-mode runs, whose virtual clock stands still (the trace lays
# them out on the lecture's), runs never paused, and replays of both, which
# give the live run's trace again.
bin=$1
py=${2:-python3}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok   $1"; }
no() { echo "FAIL $1"; fail=1; }

# check NAME TRACE [check_trace.py arguments]
check() {
    name=$1
    trace=$2
    shift 2
    if "$py" "$here/check_trace.py" "$trace" "$@"; then ok "$name"; else no "$name"; fi
}

# The race scenario's lost updates, small enough to check in a moment: each
# goroutine's loads and stores are slices of their own, however still the
# virtual clock stands.
cat >"$tmp/race.go" <<'EOF'
package main

import (
	"fmt"
	"sync"
)

func main() {
	var ops uint64
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 25; c++ {
				ops++
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops)
}
EOF

# Step mode (headless: the default rule takes every step).
"$bin" --headless --step "$tmp/race.go" --export-trace "$tmp/race.json" >/dev/null 2>&1 &&
    check trace-step-race "$tmp/race.json" --step || no trace-step-race-run
for scen in waitgroup errgroup; do
    "$bin" --headless --step --scenario $scen --export-trace "$tmp/$scen.json" >/dev/null 2>&1 &&
        check "trace-step-$scen" "$tmp/$scen.json" --step || no "trace-step-$scen-run"
done
"$bin" --headless --step --scenario worker-pool --export-trace "$tmp/pool.json" \
    --record "$tmp/pool.rec" >/dev/null 2>&1 &&
    check trace-step-worker-pool "$tmp/pool.json" 3 --step || no trace-step-worker-pool-run

# Runs never paused: the virtual clock alone.
"$bin" --headless --speed 100 --scenario worker-pool --export-trace "$tmp/run.json" \
    --record "$tmp/run.rec" >/dev/null 2>&1 &&
    check trace-run-worker-pool "$tmp/run.json" 3 --run || no trace-run-worker-pool-run
"$bin" --headless --speed 100 --scenario waitgroup --export-trace "$tmp/wg.json" >/dev/null 2>&1 &&
    check trace-run-waitgroup "$tmp/wg.json" --run || no trace-run-waitgroup-run

# Replays: the recorded events, the recorded clocks, the same trace.
for r in pool run; do
    flag=--step
    [ $r = run ] && flag=--run
    if "$bin" --replay "$tmp/$r.rec" --export-trace "$tmp/$r-back.json" >/dev/null 2>&1; then
        check "trace-replay-$r" "$tmp/$r-back.json" 3 $flag
        cmp -s "$tmp/$r.json" "$tmp/$r-back.json" && ok "trace-replay-$r-same" ||
            { no "trace-replay-$r-same"; diff "$tmp/$r.json" "$tmp/$r-back.json" | head -4; }
    else
        no "trace-replay-$r-run"
    fi
done
exit $fail
