#!/bin/sh
# tui_tmux.sh BIN - the real binary on a real terminal (tmux, private socket):
# it draws the diagram, holds still while paused, re-lays out on resize (and
# a storm of 50 resizes), quits on q, SIGINT, SIGTERM, SIGHUP, dies of
# SIGSEGV, SIGABRT, SIGQUIT, SIGUSR1, SIGALRM, SIGPIPE and a real-time
# signal, and every time hands the terminal back sane: cooked
# mode with echo, cursor visible, out of the alternate screen (the shell's
# earlier lines are back), and the process gone with every thread.
bin=$1
pool12=$(cd "$(dirname "$0")" && pwd)/go_step/pool12.go
. "$(dirname "$0")/tmux_lib.sh"
tmux_lib_init test
# after poolscope ended: the cursor shows, the alternate screen is left (the
# line MARK the shell printed before is on the screen again), no process
check_back() { # NAME MARK PID
    flags=$(T display -p -t ps '#{cursor_flag} #{alternate_on}')
    [ "$flags" = "1 0" ] && ok "$1: cursor visible, normal screen" ||
        fail "$1: cursor/alternate screen flags '$flags' (want '1 0')"
    screen | grep -q "^$2\$" && ok "$1: the shell's earlier output is back" ||
        fail "$1: '$2' not on the screen"
    if [ -n "$3" ]; then
        if kill -0 "$3" 2>/dev/null || [ -d "/proc/$3" ]; then
            fail "$1: process $3 still there: $(cat /proc/$3/status 2>/dev/null | grep -E 'State|Threads')"
        else ok "$1: process and its threads gone (no zombie)"; fi
    fi
}
# clear, and wait until it is done: clear may flush what is typed ahead
clear_pane() {
    T send-keys -t ps clear Enter
    n=30
    while [ "$n" -gt 0 ] && [ "$(screen | grep -c .)" != 1 ]; do sleep 0.1; n=$((n - 1)); done
}

# Refusals: no terminal, TERM=dumb.
out=$("$bin" </dev/null 2>&1 >/dev/null); st=$?
[ $st = 2 ] && echo "$out" | grep -q -- --headless && ok "not a tty: exit 2, suggests --headless" ||
    fail "not a tty: status $st: $out"

T new-session -d -s ps -x 100 -y 30 "env -i PATH=$PATH HOME=$HOME TERM=screen-256color PS1='$ ' sh"
wait_for '\$' || fail "shell prompt"

run_in_pane "TERM=dumb $bin"
wait_for 'EXITED 2' && screen | grep -q 'try\|headless' && ok "TERM=dumb: exit 2, suggests --headless" ||
    fail "TERM=dumb refusal"
clear_pane

# The screen, live.
# The default scenario is the lecture's worker-pool.go, its diagram drawn
# from the program's directive; its code panel shows at first, c gives the
# program's output room.
run_in_pane "$bin --speed 0.2"
wait_for 'Dispatch Job' || fail "the diagram shows"
for s in 'Job Queue: jobs' 'Idle Worker' 'Working' 'RUNNING' 'Get Job from Queue' 'Job Complete' \
    'Code: worker-pool.go' 'space Pause' 'q Quit'; do
    screen | grep -q -- "$s" || fail "screen shows '$s'"
done
T send-keys -t ps c
wait_for 'worker [0-9] started  job 1' && ok "live: diagram, footer, code, the program's output" ||
    fail "log line"

# Paused: nothing moves but the wall clock.
T send-keys -t ps Space
wait_for 'PAUSED' || fail "space pauses"
sleep 0.3
screen | sed 's/wall [0-9:]*//' >"$work/a"
sleep 1.1
screen | sed 's/wall [0-9:]*//' >"$work/b"
if cmp -s "$work/a" "$work/b"; then ok "paused: two captures 1 s apart identical"; else
    fail "paused screen moved"; diff "$work/a" "$work/b" | head -10
fi
# a paused screen uses next to no CPU
pid=$(child_pid)
if [ -n "$pid" ] && [ -r /proc/$pid/stat ]; then
    t0=$(awk '{print $14 + $15}' /proc/$pid/stat); sleep 1
    t1=$(awk '{print $14 + $15}' /proc/$pid/stat)
    [ $((t1 - t0)) -le 5 ] && ok "paused: $((t1 - t0)) ticks of CPU in 1 s" ||
        fail "paused CPU: $((t1 - t0)) ticks in 1 s"
fi

# Help overlay from the key table.
T send-keys -t ps '?'
wait_for 'one step of the main goroutine' && ok "? shows the help" || fail "help overlay"
T send-keys -t ps '?'
wait_for 'Dispatch Job' || fail "help closes"
# at 80x24 (a projector over SSH) the help takes two columns: every key and
# the whole legend and step rule show, the last key (q) included
T resize-window -t ps -x 80 -y 24
T send-keys -t ps '?'
if wait_for 'quit (every thread stops)' && wait_for 'whose timed work ends first' &&
    screen | grep -q 'n: the thread ready longest' && screen | grep -q 'Timeline:' &&
    screen | grep -q 'scroll the worker lanes'; then ok "80x24: the whole help shows"; else
    fail "80x24 help cut"
fi
T send-keys -t ps '?'
wait_for 'Dispatch Job' || fail "help closes at 80x24"

# Resize: too small, then back.
T resize-window -t ps -x 70 -y 20
wait_for 'terminal too small: need 80x24, have 70x20' && ok "too small at 70x20" ||
    fail "too-small message"
T resize-window -t ps -x 100 -y 30
wait_for 'Dispatch Job' && ok "recovers at 100x30" || fail "recover after resize"

# Step mode: n moves one thread.
T send-keys -t ps n
wait_for ' STEP ' && ok "n enters step mode" || fail "step mode"
T send-keys -t ps s
wait_for 'RUNNING' || fail "s leaves step mode"

# The picker: p lists the built-in Go scenarios, k moves from worker-pool.go
# up to waitgroup.go, Enter stops the pool's threads and runs it to the end.
T send-keys -t ps p
wait_for 'Scenarios' && wait_for 'waitgroup-workers.go' && ok "p opens the scenario picker" ||
    fail "picker opens"
T send-keys -t ps k
wait_for "The lecture's second program, verbatim" || fail "picker shows waitgroup's paragraph"
T send-keys -t ps Enter
wait_for 'Code: waitgroup.go' 100 && screen | head -1 | grep -q 'waitgroup.go' &&
    wait_for 'DONE' 100 && ok "chose waitgroup: header names it, its code shows, it runs to its end" ||
    fail "switch to waitgroup"
# The code panel: c hides it for the output, c shows it again.
T send-keys -t ps c
wait_for 'Final Value: 0' && ok "c hides the code panel: the output shows" || fail "code panel"
T send-keys -t ps c
wait_for 'Code: waitgroup.go' && screen | grep -q 'func main() {' &&
    ok "c shows waitgroup's code" ||
    fail "c shows the code panel"

# q quits and gives the terminal back.
T send-keys -t ps q
wait_for 'EXITED 0' && ok "q quits with status 0" || fail "q quits"
sleep 0.2
screen | grep -q 'Dispatch Job' && fail "screen left behind after q"
check_sane "q"

# Signals: a stop signal ends through the loop (status 0); a crash restores
# the terminal, then dies of the signal (128 + its number).
# Every signal whose default action ends the process restores it first:
# QUIT (Ctrl-\\), USR1, ALRM, PIPE and a real-time signal (34 + 5 = 39) too.
for case in INT:0 TERM:0 HUP:0 SEGV:139 ABRT:134 QUIT:131 USR1:138 ALRM:142 PIPE:141 39:167; do
    sig=${case%:*}; want=${case#*:}
    clear_pane
    T send-keys -t ps "echo BEFORE-$sig" Enter
    run_in_pane "$bin --speed 0.2"
    wait_for 'Dispatch Job' || fail "SIG$sig: start"
    pid=$(child_pid)
    ntask=$(ls /proc/"$pid"/task 2>/dev/null | wc -l)
    kill -"$sig" "$pid"
    wait_for "EXITED $want" && ok "SIG$sig: status $want ($ntask threads were running)" ||
        fail "SIG$sig: status (want $want)"
    n=20; while [ ! -s "$work/stty" ] && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
    check_sane "SIG$sig"
    check_back "SIG$sig" "BEFORE-$sig" "$pid"
done

# A resize storm: 50 sizes in 2 s, some too small; still alive, then a clean
# frame (header, diagram, footer) at the last size.
clear_pane
run_in_pane "$bin"
wait_for 'Dispatch Job' || fail "storm: start"
pid=$(child_pid)
i=0
while [ $i -lt 50 ]; do
    T resize-window -t ps -x $((60 + (i * 37) % 90)) -y $((15 + (i * 13) % 35))
    sleep 0.04; i=$((i + 1))
done
T resize-window -t ps -x 100 -y 30
kill -0 "$pid" 2>/dev/null && ok "resize storm: 50 resizes in 2 s, still running" ||
    fail "resize storm: the process died"
wait_for 'Dispatch Job' 30
sleep 0.3
screen >"$work/frame"
if head -1 "$work/frame" | grep -q '^ poolscope .* wall [0-9]' &&
    sed -n 30p "$work/frame" | grep -q '^space Pause .* q Quit' &&
    grep -q 'Job Queue' "$work/frame" && grep -q ' Workers ' "$work/frame" &&
    ! grep -q 'too small' "$work/frame"; then
    ok "resize storm: a clean frame at 100x30 afterwards"
else fail "resize storm: frame"; fi
# a finished run's clock stops at its last event (2 s of virtual time; main takes the last
# result a few ms later when the machine is loaded, 21 ms seen under ASan in CI)
wait_for ' DONE ' 40
h1=$(screen | head -1 | sed 's/wall.*//'); sleep 1.1; h2=$(screen | head -1 | sed 's/wall.*//')
[ "$h1" = "$h2" ] && echo "$h1" | grep -q 'virtual 2.0[0-9][0-9]s' && ok "DONE: virtual time stays at the end" ||
    fail "DONE header: '$h1' then '$h2'"
# below 80x24 by one column or one row, then exactly 80x24
T resize-window -t ps -x 79 -y 24
wait_for 'terminal too small: need 80x24, have 79x24' && ok "79x24 is too small" || fail "79x24"
T resize-window -t ps -x 80 -y 23
wait_for 'terminal too small: need 80x24, have 80x23' && ok "80x23 is too small" || fail "80x23"
T resize-window -t ps -x 80 -y 24
wait_for 'Dispatch Job' && screen | tail -1 | grep -q 'q Quit' && ok "80x24 shows the screen again" ||
    fail "80x24 recover"
T send-keys -t ps q
wait_for 'EXITED 0' && ok "q after the storm" || fail "q after the storm"
T resize-window -t ps -x 100 -y 30

# 64 workers at 80x24 (tests/go_step/pool12.go with --set): the compact lanes, six workers to a row, Down
# scrolls by a row.  A session of its own, born 80x24: resizing a detached
# session's window has reached the program late (it drew at 100 columns).
T new-session -d -s ps64 -x 80 -y 24 \
    "env -i PATH=$PATH HOME=$HOME TERM=screen-256color $bin $pool12 --set numWorkers=64 --set numJobs=200 --speed 0.1; sleep 30"
screen64() { T capture-pane -p -t ps64; }
wait64() { # wait64 PATTERN [TENTHS]
    n=${2:-50}
    while [ "$n" -gt 0 ]; do
        screen64 | grep -q -- "$1" && return 0
        sleep 0.1; n=$((n - 1))
    done
    return 1
}
# rows fill as main hands out jobs (5 queue slots at a time): wait for three
rows_full() {
    [ "$(screen64 | grep -cE '^ ?W[0-9]+ +. j[0-9]+ +W[0-9]+ +. j[0-9]+ +W[0-9]+')" -ge 3 ]
}
n=100
while [ $n -gt 0 ] && ! rows_full; do sleep 0.1; n=$((n - 1)); done
if wait64 "main, W1-W[0-9]* of 64" 100 && rows_full; then
    ok "64 workers at 80x24: compact lanes, several to a row"
else
    echo "FAIL: 64 workers: compact lanes"; screen64 | sed 's/^/  | /'; failed=1
fi
T send-keys -t ps64 Down
# one retry: under a sanitizer on a loaded machine tmux has been seen to lose a key
wait64 "main, W7-W[0-9]* of 64" || { T send-keys -t ps64 Down; wait64 "main, W7-W[0-9]* of 64"; } &&
    ok "Down scrolls the compact lanes by a row" || {
    echo "FAIL: compact scroll"; screen64 | sed 's/^/  | /'; failed=1
}
T kill-session -t ps64

# The refusals a terminal can still produce: unknown or unset TERM, output
# redirected to a file.
for t in "TERM=nosuchterminal" "TERM=" ; do
    clear_pane
    run_in_pane "$t $bin"
    wait_for 'EXITED 2' && screen | grep -q 'run with --headless' && ok "$t: exit 2, suggests --headless" ||
        fail "$t refusal"
done
clear_pane
run_in_pane "$bin > $work/out"
wait_for 'EXITED 2' && screen | grep -q 'not a terminal' && [ ! -s "$work/out" ] &&
    ok "stdout to a file: exit 2, nothing written to it" || fail "stdout redirected"

exit $failed
