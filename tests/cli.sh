#!/bin/sh
# cli.sh - the program as users run it: options, exit codes, messages.
bin=$1
fail=0
check() { # check NAME EXPECTED_STATUS PATTERN -- args...
    name=$1; want=$2; pat=$3; shift 4
    out=$("$bin" "$@" 2>&1); got=$?
    if [ "$got" != "$want" ] || ! printf '%s' "$out" | grep -q -- "$pat"; then
        echo "FAIL $name: status $got (want $want), output:"; printf '%s\n' "$out" | head -5
        fail=1
    else
        echo "ok   $name"
    fi
}
check workers-zero 2 "bad value '0' for --workers (allowed: 1..64)" -- --headless --workers 0
check workers-big 2 "for --workers" -- --headless --workers 100000
check workers-text 2 "bad value 'x' for --workers" -- --headless --workers x
check speed-range 2 "for --speed (allowed: 0.1..100)" -- --headless --speed 1000
check job-ms-negative 2 "bad value '-5' for --job-ms" -- --headless --job-ms -5
check unknown-option 2 "unknown option '--frobnicate'" -- --frobnicate
check unknown-scenario 2 "unknown scenario 'nope'" -- --headless --scenario nope
check missing-value 2 "--jobs needs a value" -- --headless --jobs
check bad-log 2 "for --log (allowed: lines, events)" -- --headless --log=xml
check help 0 "usage: poolscope" -- --help
check version 0 "poolscope [0-9]" -- --version
check list 0 "worker-pool" -- --list
check headless-paused 2 "--paused needs the screen" -- --headless --paused
check events-log 0 "queue-send" -- --headless --speed 100 --log=events
check waitgroup 0 "Final Value: 0" -- --headless --scenario waitgroup
# scenarios: the list, each topic, and lecturers' files
for name in worker-pool waitgroup waitgroup-workers atomic-counters race mutexes errgroup \
        backpressure thread-per-job; do
    check "list-$name" 0 "^$name  *[a-z0-9]" -- --list
done
check atomic-counters 0 "ops: 50000" -- --headless --scenario atomic-counters
check mutexes 0 "map\[a:20000 b:10000\]" -- --headless --scenario mutexes
check errgroup 0 "Wait returned: job 3 failed" -- --headless --scenario errgroup --speed 10
check race 0 "ops: [0-9]* (expected 6)" -- --headless --scenario race
check override-not-used 2 "--queue does not apply to scenario mutexes" -- --scenario mutexes --queue 3
tmp=${TMPDIR:-/tmp}/poolscope-cli.$$
mkdir -p "$tmp"
printf '[scenario]\ntitle = T\nkind = worker-pool\ndescription = D\n[params]\nworkers = 0\n' \
    >"$tmp/bad.ini"
check bad-file 2 "^$tmp/bad.ini:6: workers = 0 is out of range (allowed: 1..64)" -- \
    --headless --scenario "$tmp/bad.ini"
check missing-file 2 "missing.ini: cannot read the scenario file" -- \
    --headless --scenario "$tmp/missing.ini"
printf '[scenario]\ntitle = T\nkind = worker-pool\ndescription = D\n[params]\njobs = 2\n' \
    >"$tmp/two.ini"
check own-file 0 "# two: .* 2 jobs" -- --headless --speed 100 --scenario "$tmp/two.ini"
check file-override 0 "# two: .* 4 jobs" -- --headless --speed 100 --scenario "$tmp/two.ini" --jobs 4
rm -rf "$tmp"
exit $fail
