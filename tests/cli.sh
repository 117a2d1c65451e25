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
check ring-small 2 "bad value '1' for --ring (allowed: 2..1048576)" -- --headless --ring 1
check color-bad 2 "bad value 'sometimes' for --color (allowed: auto, always, never)" -- --color=sometimes
check queue-zero 2 "bad value '0' for --queue (allowed: 1..1000000)" -- --headless --queue 0
check speed-text 2 "bad value 'fast' for --speed" -- --headless --speed fast
check jobs-big 2 "bad value '10000001' for --jobs (allowed: 0..10000000)" -- --headless --jobs 10000001
check replay-no-value 2 "--replay needs a value (allowed: a file name)" -- --headless --replay
check record-no-value 2 "--record needs a value" -- --headless --record
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
# files that are no scenario: a directory, an empty file, binary noise (its
# bytes quoted without control characters: ESC c would reset the terminal)
check dir-file 2 "$tmp/: cannot read the scenario file: it is a directory" -- --headless --scenario "$tmp/"
: >"$tmp/empty.ini"
check empty-file 2 "empty.ini:1: missing section \[scenario\]" -- --headless --scenario "$tmp/empty.ini"
printf 'title = \033c\033[31m\a\n' >"$tmp/esc.ini"
check esc-file 2 "esc.ini:1: 'title' is outside any section" -- --headless --scenario "$tmp/esc.ini"
if "$bin" --headless --scenario "$tmp/esc.ini" 2>&1 | LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')"; then
    echo "FAIL esc-file-quoted: control bytes in the message"; fail=1
else echo "ok   esc-file-quoted"; fi
head -c 4096 /dev/urandom >"$tmp/noise.ini"
out=$("$bin" --headless --scenario "$tmp/noise.ini" 2>&1); st=$?
if [ $st = 2 ] && printf '%s' "$out" | grep -q "^$tmp/noise.ini:[0-9]*: " &&
    ! printf '%s' "$out" | LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')"; then
    echo "ok   noise-file"; else echo "FAIL noise-file: $st"; fail=1; fi
# a deep path: the message keeps the file's end and is whole
deep=$tmp
for d in 1 2 3 4 5; do deep=$deep/$(printf 'directory%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24)$d; done
mkdir -p "$deep"
cp "$tmp/bad.ini" "$deep/bad.ini"
check long-path 2 "^\.\.\..*directory5/bad.ini:6: workers = 0 is out of range (allowed: 1..64)\$" -- \
    --headless --scenario "$deep/bad.ini"
# overrides retitle: a title that counted 3 workers would lie with --workers 12
"$bin" --headless --workers 12 --jobs 9 --speed 100 --record "$tmp/o.rec" >/dev/null 2>&1
if grep -q '^param title=Worker pool: 12 workers, 9 jobs$' "$tmp/o.rec"; then
    echo "ok   override-title"
else
    echo "FAIL override-title: $(grep '^param title=' "$tmp/o.rec")"
    fail=1
fi
rm -rf "$tmp"
exit $fail
