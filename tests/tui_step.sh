#!/bin/sh
# tui_step.sh BIN - step mode on the real binary in tmux (private socket):
# --step and --paused start still; each n moves at most one thread; 2 moves
# worker 2 only; m moves main; stepping a working thread finishes its job and
# says so; w+digits+Enter reaches workers above 9; + and - change the speed
# shown in the header (0.1x .. 100x); r restarts with every old thread joined.
#
# The program is tests/go_step/pool12.go (12 workers, 20 jobs), its code
# panel hidden (c) so the log shows its output.  What is counted, from
# capture-pane text:
#   log lines  the program's lines in the Log panel ("worker 1 started  job 1")
#   a thread   a lane "W3   running  worker(3) line 15" (the step mark in column 0
#              and the Gantt strip, which follows time, left out), and main's
#              token: the row of the main box it stands in
# A step of one goroutine (one statement) prints at most one line.  It changes that
# thread, and at most one more: the one it hands an item to (a send to a
# receiver blocked on the queue wakes it with the item).
bin=$1
pool12=$(cd "$(dirname "$0")" && pwd)/go_step/pool12.go
. "$(dirname "$0")/tmux_lib.sh"
tmux_lib_init step
# the screen without the wall clock
still() { screen | sed 's/wall [0-9:]*//'; }
# until two captures 0.15 s apart agree: the step's events are drawn and
# every thread has come to rest (its mark drawn; the screen redraws within
# 16 ms of that).  With a file: first until the screen differs from it.
settle() {
    if [ -n "${1:-}" ]; then
        n=20
        while [ "$n" -gt 0 ] && still | cmp -s - "$1"; do sleep 0.05; n=$((n - 1)); done
    fi
    still >"$work/s0"; n=30
    while [ "$n" -gt 0 ]; do
        sleep 0.15; still >"$work/s1"
        cmp -s "$work/s0" "$work/s1" && return 0
        mv "$work/s1" "$work/s0"; n=$((n - 1))
    done
    return 1
}
loglines() { screen | grep -cE '^ worker [0-9]+ (started|finished) '; }
# one line per thread: "W3 idle job 8 done 0", "main <row of the main box>"
threads() {
    screen | awk '
        NR >= 3 && NR <= 5 && /main/ { r = NR }
        /^.W[0-9]+ / { s = substr($0, 2, 45); gsub(/ +/, " ", s); print s }
        END { print "main " r }'
}
lane() { threads | grep "^W$1 "; }
ntasks() { ls "/proc/$1/task" 2>/dev/null | wc -l; }
# a step: KEY, then the counts before and after
step() {
    threads >"$work/t0"; l0=$(loglines); still >"$work/before"
    T send-keys -t ps "$1"; settle "$work/before"
    threads >"$work/t1"; l1=$(loglines)
    moved=$(diff "$work/t0" "$work/t1" | grep -c '^>')
}

T new-session -d -s ps -x 100 -y 40 "env -i PATH=$PATH HOME=$HOME TERM=screen-256color PS1='$ ' sh"
wait_for '\$' || fail "shell prompt"

# --paused: the screen stands still until space.
T send-keys -t ps "$bin --paused; echo EXITED \$?" Enter
wait_for ' PAUSED ' && ok "--paused starts paused" || fail "--paused"
T send-keys -t ps c
sleep 0.5; still >"$work/a"; sleep 1.1; still >"$work/b"
cmp -s "$work/a" "$work/b" && [ "$(loglines)" = 0 ] && ok "--paused: nothing moves in 1 s" ||
    fail "--paused screen moved"
T send-keys -t ps Space
wait_for ' RUNNING ' && wait_for 'started  job 1' && ok "--paused: space runs it" || fail "space after --paused"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "q after --paused"
T send-keys -t ps clear Enter

# --step: 12 workers, so that w+digits reaches W10 and above.
T send-keys -t ps "$bin --step $pool12; echo EXITED \$?" Enter
wait_for ' STEP ' && ok "--step starts in step mode" || fail "--step"
T send-keys -t ps c
pid=$(child_pid)
settle; tasks0=$(ntasks "$pid")
still >"$work/first"
sleep 1.1; still >"$work/b"
cmp -s "$work/first" "$work/b" && ok "--step: nothing moves without a key (1 s)" ||
    { fail "--step screen moved"; diff "$work/first" "$work/b" | head; }

# n: one thread at a time, at most one lecture line each.
bad=0; total=0; lines=0
for i in $(seq 1 30); do
    step n
    total=$((total + moved)); lines=$((lines + l1 - l0))
    if [ $((l1 - l0)) -gt 1 ] || [ "$moved" -gt 2 ]; then
        bad=1; echo "  step $i: $((l1 - l0)) log lines, $moved threads changed"; diff "$work/t0" "$work/t1"
    fi
done
[ $bad = 0 ] && [ "$total" -ge 5 ] &&
    ok "30 x n: each at most 1 log line and 1 thread (+ a hand-off); $total thread changes, $lines lines" ||
    fail "n moves too much or nothing ($total changes)"

# 2: worker 2 moves, no other worker.  First main, statement by statement,
# to its first sends (m, fifty times), then W2 to a job of its own.
i=0
until screen | grep -q 'next: [0-9]' || [ $i -ge 4 ]; do
    for k in $(seq 1 25); do T send-keys -t ps m; done
    settle; i=$((i + 1))
done
screen | grep -q 'next: [0-9]' || fail "main never sent a job"
i=0
until lane 2 | grep -q 'sleeping .*job' || [ $i -ge 12 ]; do step 2; i=$((i + 1)); done
lane 2 | grep -q 'sleeping .*job' || fail "W2 never started a job"
step 2
others=$(diff "$work/t0" "$work/t1" | grep '^>' | grep -vc '^> W2 ')
diff "$work/t0" "$work/t1" | grep -q '^> W2 ' && [ "$others" = 0 ] &&
    ok "2 moves W2 only: $(grep '^W2 ' "$work/t1")" || { fail "2 did not move W2 alone"; diff "$work/t0" "$work/t1"; }
wait_for 'W2 finished job [0-9]*: virtual time jumped to 1.000 s' 20 &&
    ok "a step of a working thread finishes its job and says so" || fail "job-finished message"
screen | head -1 | grep -q 'virtual 1.000s' && ok "header: virtual 1.000s" || fail "virtual time after the job"

# m: main moves (its token or the queue it fills), no worker but a hand-off.
for i in 1 2 3 4 5 6; do
    screen | sed -n '3,5p' | grep -q '[>*▸◆] main' && break
    step n
done
still >"$work/m0"
step m
still >"$work/m1"
workers=$(diff "$work/t0" "$work/t1" | grep '^> W' | wc -l)
! cmp -s "$work/m0" "$work/m1" && [ "$workers" -le 1 ] && ok "m moves main" ||
    { fail "m did not move main"; diff "$work/m0" "$work/m1"; }

# w, 1, 0, Enter: worker 10.
T send-keys -t ps w 1 0
wait_for 'step worker: 10_' 20 && ok "w 1 0 prompts for worker 10" || fail "w prompt"
step Enter
# a for-range's first step is its statement, the second its receive: the
# lane shows the second (the line is the same)
if ! diff "$work/t0" "$work/t1" | grep -q '^> W10 '; then
    T send-keys -t ps w 1 0
    wait_for 'step worker: 10_' 20
    step Enter
fi
if lane 10 >/dev/null && diff "$work/t0" "$work/t1" | grep -q '^> W10 ' ||
    screen | tail -1 | grep -q 'W10 cannot step'; then
    ok "w 1 0 Enter steps W10: $(lane 10)"
else fail "w 1 0 Enter"; diff "$work/t0" "$work/t1"; screen | tail -1; fi
T send-keys -t ps w 9 9 Enter
wait_for 'no such worker' 20 && ok "w 9 9 Enter: no such worker" || fail "w 99"
# a digit past the range stays in the prompt (it used to cancel it and step
# that digit's worker)
T send-keys -t ps w 9 9 9 1
wait_for 'step worker: 99_' 20 && ok "w 9 9 9 1: the prompt keeps 99, no step of W1" ||
    fail "w 9991"
T send-keys -t ps Escape
# w then a key that is no digit cancels the prompt and does nothing else:
# q must not quit the lecture
T send-keys -t ps w q
wait_for 'step cancelled' 20 && ! screen | grep -q 'EXITED' &&
    ok "w q: the prompt cancelled, poolscope still running" || fail "w q"

# + and -: the header's speed, clamped to 0.1x .. 100x.
T send-keys -t ps +
wait_for ' 2.0x ' 20 && ok "+ doubles: 2.0x" || fail "+"
for i in 1 2 3 4 5 6 7 8 9 10; do T send-keys -t ps +; done
wait_for ' 100x ' 20 && ok "+ stops at 100x" || fail "100x"
for i in $(seq 1 12); do T send-keys -t ps -; done
wait_for ' 0.1x ' 20 && ok "- stops at 0.1x" || fail "0.1x"

# r: a fresh start, in step mode still, the old threads joined.
T send-keys -t ps r
wait_for 'virtual 0.000s' 30 && settle
still | sed 's/ 0\.1x / 1.0x /' >"$work/again"
if cmp -s "$work/first" "$work/again" && [ "$(loglines)" = 0 ]; then
    ok "r: the first screen again"
else fail "r: not a fresh start"; diff "$work/first" "$work/again" | head; fi
tasks1=$(ntasks "$pid")
[ "$tasks1" = "$tasks0" ] && ok "r: $tasks1 threads, as at the start (old ones joined)" ||
    fail "r: $tasks0 threads at the start, $tasks1 after"
step n
still | cmp -s - "$work/before" && fail "n after r" || ok "r: stepping works after the restart"
# o: on to the next operation, one a key: main makes jobs, then results
T send-keys -t ps r
wait_for 'virtual 0.000s' 30 && settle
if ! screen | grep -q 'results chan'; then
    T send-keys -t ps o
    wait_for 'jobs chan 0/5' 20 && ! screen | grep -q 'results chan' &&
        T send-keys -t ps o && wait_for 'results chan 0/20' 20 &&
        ok "o: one key, one operation (make jobs, then make results)" || fail "o: next operation"
else
    fail "o: results made before any key"
fi
# the footer's message about a state ends with that state: a step that
# moves a thread clears "W3 cannot step: ..."
T send-keys -t ps 3
if wait_for 'W3 cannot step' 20; then
    step m
    screen | tail -1 | grep -q 'W3 cannot step' && fail "the message outlived a step of main" ||
        ok "a step of main clears 'W3 cannot step'"
else
    ok "W3 could step at once (no message to clear)"
fi

T send-keys -t ps q
wait_for 'EXITED 0' && ok "q: status 0" || fail "q"
sleep 0.1
kill -0 "$pid" 2>/dev/null && fail "process $pid still there after q"
exit $failed
