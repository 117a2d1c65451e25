#!/bin/sh
# tui_go.sh BIN GODIR - a Go program on the screen, the real binary in tmux
# (private socket): `poolscope --step PROG.go` shows the program's own code
# with the code panel open, only the goroutines that started get a lane, each
# named by its function (main.func1; the lecture's worker(1)..worker(3)), the
# program's output in the log panel, its channels, WaitGroups and mutexes by
# their names in Sync (jobs, results; wg, c.mu), --set values in the code, a
# lecturer's own .go file chosen in the picker,
# `n` moves the markers statement by statement (W1 inside add() on line 8,
# main on the receive on line 16: tests/go_step/lines.go) to the end, `q` quits, the
# terminal comes back and the program's output follows on stdout; a Go file
# that does not compile names FILE:LINE:COL before any screen, status 2.
bin=$1
dir=$2
. "$(dirname "$0")/tmux_lib.sh"
tmux_lib_init go
PANE_PREFIX='clear; ' # each run on a clear pane: an earlier EXITED cannot answer a wait
T new-session -d -s ps -x 120 -y 40 "env -i PATH=$PATH HOME=$HOME TERM=screen-256color PS1='$ ' sh"
wait_for '\$' || fail "shell prompt"

run_in_pane "$bin --step $dir/lines.go"
wait_for 'Code: lines.go' && ok "the code panel shows the program (lines.go)" || fail "code panel"
screen | grep -q 'STEP' && ok "--step starts stepping" || fail "no STEP in the header"
screen | grep -qE '^.W1 ' && fail "a lane for W1 before any go statement ran" ||
    ok "no lane for a goroutine not started"
# the markers: "W1▶  8" ("W1>  8" without UTF-8: env -i has no locale)
at_lines() { screen | grep -qE 'W1(▶|>)  8 ' && screen | grep -qE 'main(▶|>) 16 '; }
# step until both markers stand where lines.go says (at most 30 steps)
n=30
while [ "$n" -gt 0 ]; do
    at_lines && break
    T send-keys -t ps n
    sleep 0.25
    n=$((n - 1))
done
if at_lines; then
    ok "stepping: W1 on line 8 (in add), main on line 16 (the receive), after $((30 - n)) steps"
else
    fail "markers W1 on 8 and main on 16 never shown"
fi
screen | grep -qE '^.W1 ' && ok "W1 has a lane once started" || fail "no lane for W1"
screen | grep -qE '^.W1 .*main\.func1' && ok "W1's lane names its function (main.func1)" ||
    fail "no main.func1 on W1's lane"
n=30
while [ "$n" -gt 0 ] && ! screen | grep -q ' DONE '; do
    T send-keys -t ps n
    sleep 0.25
    n=$((n - 1))
done
screen | grep -q ' DONE ' && ok "stepped to the program's end (DONE)" || fail "never DONE"
T send-keys -t ps q
wait_for 'EXITED 0' && ok "q: exit status 0" || fail "q did not exit 0"
screen | grep -qx '3' && ok "the program's output (3) after the screen" || fail "no output line 3"
check_sane "Go program"

# the lecture's worker pool: each worker's lane says worker(N), N its id
run_in_pane "$bin --speed 10 $dir/../go/lecture_1.go"
wait_for 'worker(3)' && screen | grep -q 'worker(1)' &&
    ok "the lecture's workers named worker(1)..worker(3)" || fail "no worker(N) lanes"
# which worker takes which job varies from run to run, as in Go
wait_for ' DONE ' 100 && T send-keys -t ps c && sleep 0.3 &&
    [ "$(screen | grep -cE '^ worker [1-3] finished job [1-5]')" -ge 3 ] &&
    ok "the program's output in the log panel (c hides the code)" || fail "no program output on the screen"
wait_for 'jobs chan 0/5  sent 5  received 5  closed' &&
    screen | grep -q 'results chan [0-5]/5  sent [0-5]' &&
    ok "channels named from the program (jobs closed, results)" || fail "no named channels in Sync"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "lecture_1.go: q did not exit 0"

# --set shows in the code panel as the program now runs
run_in_pane "$bin --paused --set numJobs=9 $dir/../go/lecture_1.go"
wait_for 'const numJobs = 9  // -' && ok "--set numJobs=9 shows in the code panel" ||
    fail "no const numJobs = 9 in the code panel"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "--set run: q did not exit 0"

# the mutex lesson: the WaitGroup and the struct field's mutex by their names
run_in_pane "$bin --speed 100 $dir/../go/ref_mutexes.go"
wait_for 'c.mu Mutex held by nobody   waiting: nobody   locked 30000' 100 &&
    screen | grep -q 'wg WaitGroup counter 0' &&
    ok "the WaitGroup (wg) and the mutex (c.mu) named from the program" ||
    fail "no wg and c.mu in Sync"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "ref_mutexes.go: q did not exit 0"

# a lecturer's own .go file from the picker: p lists the current directory's
printf '// My own program\n// It prints one line.\npackage main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("mine ran")\n}\n' >"$work/zz-mine.go"
T send-keys -t ps "cd $work" Enter
run_in_pane "$bin --paused $dir/lines.go"
wait_for 'Code: lines.go' || fail "lines.go before the picker"
T send-keys -t ps p
wait_for 'zz-mine.go' && ok "p lists the .go files of the current directory" ||
    fail "zz-mine.go not in the picker"
screen | grep -q 'worker-pool.go' && ok "p lists the built-in Go scenarios" ||
    fail "no built-in Go scenario in the picker"
T send-keys -t ps End Enter
wait_for 'Code: zz-mine.go' && ok "choosing zz-mine.go runs it: its code on the screen" ||
    fail "zz-mine.go did not start"
T send-keys -t ps space
wait_for 'mine ran' && ok "zz-mine.go's output on the screen" || fail "no output of zz-mine.go"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "picker run: q did not exit 0"

# the race lesson with the keys alone: W1 and W2 each load ops, then both
# store: W2's store overwrites W1's, one update lost, said on the screen
step_until() { # step_until KEY PATTERN: press KEY (at most 40 times) until PATTERN shows
    _n=40
    while [ "$_n" -gt 0 ] && ! screen | grep -q -- "$2"; do
        T send-keys -t ps "$1"
        sleep 0.2
        _n=$((_n - 1))
    done
    screen | grep -q -- "$2"
}
run_in_pane "$bin --step $dir/race.go"
wait_for 'Code: race.go' || fail "race: no code panel"
# main's first step declares ops: plain, before any goroutine touches it
step_until m 'ops plain = 0  loads 0  stores 0' &&
    ok "race: ops labelled plain from its declaration, before any load or store" ||
    fail "race: ops not labelled plain at the start"
step_until m '^.W2 ' && step_until 1 'loads 1 ' && step_until 2 'loads 2 ' &&
    ok "race: m to start W1 and W2, 1 and 2 to make each load ops" || fail "race: the loads"
step_until 1 'stores 1 ' && T send-keys -t ps 2 &&
    wait_for 'ops plain = 1  LOST UPDATES 1 (expected 2)  W2 stored 1 over W1.s 1' &&
    ok "race: W2's store overwrote W1's: the lost update counted in Sync" ||
    fail "race: no lost update after both stores"
screen | grep -q "W2 stored ops = 1 over W1's store of 1: an update lost" &&
    ok "race: the footer says which store overwrote which" || fail "race: no footer message"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "race: q did not exit 0"

# the mutex lesson stepped: W1 holds c.mu, W2 then W3 wait for it, in the
# order they came; a step refused because of the lock names the holder
run_in_pane "$bin --step $dir/../go/ref_mutexes.go"
wait_for 'Code: ref_mutexes.go' || fail "mutexes: no code panel"
step_until m '^.W3 ' && step_until 1 'held by W1' && step_until 2 'waiting: W2 ' &&
    step_until 3 'waiting: W2 W3 ' &&
    ok "mutexes: c.mu held by W1, waiting W2 then W3 in Sync" || fail "mutexes: holder and waiters"
screen | grep -qE '^ W2 .*lock c\.mu' && ok "mutexes: W2's lane says it waits to lock c.mu" ||
    fail "mutexes: W2's lane"
T send-keys -t ps 3
wait_for 'W3 cannot step: lock c.mu (held by W1)' && ok "mutexes: a refused step names the holder" ||
    fail "mutexes: no holder in the refusal"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "mutexes: q did not exit 0"

# errgroup: the function that returned an error shows failed with its
# text, the ones its context cancelled show cancelled, Wait what it returned
run_in_pane "$bin $dir/errgroup_cancel.go" # 1x: job 2 fails 10 ms in, well before the others' 1 s (a sanitizer's slow thread start eats virtual time at 10x)
wait_for 'Wait returned job 2 failed' 100 &&
    ok "errgroup: Sync says what Wait returned (job 2 failed)" || fail "errgroup: no Wait result"
screen | grep -qE '^ W[0-9]+ +failed +main\.func1 +error: job 2 failed' &&
    ok "errgroup: the goroutine of job 2 failed, with its error" || fail "errgroup: no failed lane"
screen | grep -qE '^ W[0-9]+ +cancelled +main\.func1 +context canceled' &&
    ok "errgroup: a goroutine its context cancelled shows cancelled" ||
    fail "errgroup: no cancelled lane"
screen | grep -q 'g errgroup running 0  failed 1  cancelled 3' &&
    ok "errgroup: the group counts failed 1, cancelled 3" || fail "errgroup: the group's counts"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "errgroup: q did not exit 0"

# a Go program recorded on the screen replays where its file is gone: the
# recording holds the source and the --set values
cp "$dir/../go/lecture_1.go" "$work/pool.go"
run_in_pane "$bin --speed 10 --set numJobs=4 --record $work/pool.rec $work/pool.go"
wait_for ' DONE ' 100 || fail "the recorded run never ended"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "recorded run: q did not exit 0"
rm -f "$work/pool.go"
head -1 "$work/pool.rec" | grep -qx 'poolscope-recording 3' && ok "--record of a Go program on the screen" ||
    fail "no version 3 recording: $(head -1 "$work/pool.rec")"
run_in_pane "$bin --replay $work/pool.rec"
wait_for 'worker [0-9] finished job' 60 && ok "its replay's log shows what the program wrote" ||
    fail "no program output in the replay's log"
wait_for 'Code: pool.go' && wait_for 'const numJobs = 4  // -' 60 &&
    ok "its replay shows the recorded source and --set value, the file gone" ||
    fail "no code panel from the recording"
T send-keys -t ps End
wait_for 'jobs chan 0/4  sent 4  received 4  closed' && screen | grep -q 'worker(2)' &&
    ok "the replay's end: channels and goroutines by the program's names" ||
    fail "the replay's end lacks jobs or worker(2)"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "replay: q did not exit 0"

printf 'package main\n\nfunc main() {\n\tx := \n}\n' >"$work/bad.go"
run_in_pane "$bin $work/bad.go"
wait_for 'EXITED' || fail "bad.go did not end"
screen | grep -q 'bad.go:[0-9]*:[0-9]*: ' && ok "a syntax error names FILE:LINE:COL" ||
    fail "no FILE:LINE:COL"
screen | grep -q 'EXITED 2' && ok "a syntax error: status 2" || fail "a syntax error's status"
exit $failed
