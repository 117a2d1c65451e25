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
check speed-range 2 "for --speed (allowed: 0.1..100)" -- --headless --speed 1000
check unknown-option 2 "unknown option '--frobnicate'" -- --frobnicate
check unknown-scenario 2 "unknown scenario 'nope'" -- --headless --scenario nope
check bad-log 2 "for --log (allowed: lines, events)" -- --headless --log=xml
check help 0 "usage: poolscope" -- --help
check version 0 "poolscope [0-9]" -- --version
check list 0 "worker-pool" -- --list
check headless-paused 2 "--paused needs the screen" -- --headless --paused
check ring-small 2 "bad value '1' for --ring (allowed: 2..1048576)" -- --headless --ring 1
check color-bad 2 "bad value 'sometimes' for --color (allowed: auto, always, never)" -- --color=sometimes
check speed-text 2 "bad value 'fast' for --speed" -- --headless --speed fast
check replay-no-value 2 "--replay needs a value (allowed: a file name)" -- --headless --replay
check record-no-value 2 "--record needs a value" -- --headless --record
# the C scenarios' options are gone, each saying what to do instead
for opt in --workers --jobs --job-ms --queue; do
    check "retired$opt" 2 "$opt is gone: every scenario is a Go program now; set its constants with --set NAME=VALUE" -- --headless $opt 3
done
check retired-ini 2 "x.ini: scenario files (.ini) are gone: a scenario is a Go program" -- --headless --scenario x.ini
check two-programs 2 "give one program" -- --headless --scenario race x.go
# the default scenario is the lecture's worker pool, run as go run runs it
check default 0 "worker 3 finished job" -- --headless --speed 100
check waitgroup 0 "Final Value: 0" -- --headless --scenario waitgroup
check scenario-go-suffix 0 "Final Value: 0" -- --headless --scenario waitgroup.go
# every built-in is listed with the title of its leading comment
for name in worker-pool waitgroup waitgroup-workers atomic-counters race mutexes errgroup \
        backpressure thread-per-job unbuffered select-timeout pipeline fan-in rate-limit \
        deadlock rwmutex; do
    check "list-$name" 0 "^$name  *[A-Za-z]" -- --list
done
check atomic-counters 0 "ops: 50000" -- --headless --scenario atomic-counters
check set-constant 0 "worker [0-9] started  job 9" -- --headless --speed 100 --scenario worker-pool --set numJobs=9
tmp=${TMPDIR:-/tmp}/poolscope-cli.$$
mkdir -p "$tmp"
# a lecturer's own file, by path: --scenario FILE and PROGRAM.go alike
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("own file") }\n' >"$tmp/own.go"
check own-file 0 "^own file" -- --headless --scenario "$tmp/own.go"
check own-file-arg 0 "^own file" -- --headless "$tmp/own.go"
check missing-file 2 "missing.go: No such file or directory" -- --headless --scenario "$tmp/missing.go"
mkdir -p "$tmp/d.go"
check dir-file 2 "d.go: not a regular file" -- --headless "$tmp/d.go"
# a file that is no Go program: its first error, named FILE:LINE:COL, and
# go run's status 2
head -c 4096 /dev/urandom >"$tmp/noise.go"
out=$("$bin" --headless "$tmp/noise.go" 2>&1); st=$?
if [ $st = 2 ] && printf '%s' "$out" | grep -q "noise.go:[0-9]*:[0-9]*: " &&
    ! printf '%s' "$out" | LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')"; then
    echo "ok   noise-file"; else echo "FAIL noise-file: $st: $(printf '%s' "$out" | head -2)"; fail=1; fi
# a deadlock's report: every blocked goroutine, what it waits in (Go 1.19's
# words), its function and line, and the go statement that started it
cat >"$tmp/dl.go" <<'GO'
package main

import "sync"

func main() {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results <- n
		}(i)
	}
	wg.Wait()
}
GO
out=$("$bin" --headless "$tmp/dl.go" 2>&1); st=$?
want="fatal error: all goroutines are asleep - deadlock!

goroutine 1 [semacquire]:
main.main()
	$(realpath "$tmp/dl.go"):15

goroutine 6 [chan send]:
main.main.func1(...)
	$(realpath "$tmp/dl.go"):12
created by main.main
	$(realpath "$tmp/dl.go"):10

goroutine 7 [chan send]:
main.main.func1(...)
	$(realpath "$tmp/dl.go"):12
created by main.main
	$(realpath "$tmp/dl.go"):10"
if [ $st = 2 ] && [ "$out" = "$want" ]; then echo "ok   deadlock-report"; else
    echo "FAIL deadlock-report: status $st:"; printf '%s\n' "$out" | head -20; fail=1; fi
rm -rf "$tmp"
exit $fail
