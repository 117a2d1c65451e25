#!/bin/sh
# tui_tmux.sh BIN - the real binary on a real terminal (tmux, private socket):
# it draws the diagram, holds still while paused, re-lays out on resize,
# quits on q, SIGTERM and SIGSEGV, and always hands the terminal back sane.
bin=$1
work=$(mktemp -d)
sock=poolscope-test-$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM
failed=0
screen() { T capture-pane -p -t ps; }
fail() {
    echo "FAIL: $*"; screen | sed 's/^/  | /'; failed=1
}
ok() { echo "ok   $*"; }
# wait_for PATTERN [TENTHS]: until the pane shows it
wait_for() {
    n=${2:-50}
    while [ "$n" -gt 0 ]; do
        screen | grep -q -- "$1" && return 0
        sleep 0.1; n=$((n - 1))
    done
    return 1
}
# the terminal after poolscope: line discipline back to cooked, echo on
check_sane() {
    if grep -q -- '-icanon' "$work/stty" || grep -q -- '-echo ' "$work/stty" ||
        ! grep -q 'icanon' "$work/stty"; then
        fail "$1: terminal not restored: $(cat "$work/stty" | head -3)"
    else
        ok "$1: terminal restored (icanon echo)"
    fi
}
run_in_pane() { # the command line the pane's shell runs, then stty -a
    rm -f "$work/stty"
    T send-keys -t ps "$1; echo EXITED \$?; stty -a > $work/stty" Enter
}
child_pid() { pgrep -P "$(T display -p -t ps '#{pane_pid}')" | head -1; }

# Refusals: no terminal, TERM=dumb.
out=$("$bin" </dev/null 2>&1 >/dev/null); st=$?
[ $st = 2 ] && echo "$out" | grep -q -- --headless && ok "not a tty: exit 2, suggests --headless" ||
    fail "not a tty: status $st: $out"

T new-session -d -s ps -x 100 -y 30 "env -i PATH=$PATH HOME=$HOME TERM=screen-256color PS1='$ ' sh"
wait_for '\$' || fail "shell prompt"

run_in_pane "TERM=dumb $bin"
wait_for 'EXITED 2' && screen | grep -q 'try\|headless' && ok "TERM=dumb: exit 2, suggests --headless" ||
    fail "TERM=dumb refusal"
T send-keys -t ps clear Enter

# The screen, live.
run_in_pane "$bin --speed 0.5"
wait_for 'Dispatch Job' || fail "the diagram shows"
for s in 'Job Queue' 'Idle Worker' 'Working' 'RUNNING' 'Get Job from Queue' 'Job Complete' \
    'space Pause' 'q Quit'; do
    screen | grep -q -- "$s" || fail "screen shows '$s'"
done
wait_for 'worker [0-9] started  job 1' && ok "live: diagram, footer, log" || fail "log line"

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

# The picker: p lists the scenarios, j moves to waitgroup, Enter stops the pool's
# threads and runs it to the end.
T send-keys -t ps p
wait_for 'Scenarios' && wait_for 'waitgroup-workers' && ok "p opens the scenario picker" ||
    fail "picker opens"
T send-keys -t ps j
wait_for "The lecture's WaitGroup program" || fail "picker shows waitgroup's paragraph"
T send-keys -t ps Enter
wait_for 'Final Value: 0' 100 && screen | head -1 | grep -q 'waitgroup\|WaitGroup:' &&
    ok "chose waitgroup: header names it, it runs to Final Value: 0" || fail "switch to waitgroup"
# The code panel: c shows waitgroup's Go, c hides it again.
T send-keys -t ps c
wait_for 'Code: waitgroup.go' && screen | grep -q 'wg.Add(2)' && ok "c shows the code panel" ||
    fail "code panel"
T send-keys -t ps c
wait_for 'Final Value: 0' || fail "c hides the code panel"

# q quits and gives the terminal back.
T send-keys -t ps q
wait_for 'EXITED 0' && ok "q quits with status 0" || fail "q quits"
sleep 0.2
screen | grep -q 'Dispatch Job' && fail "screen left behind after q"
check_sane "q"

# SIGTERM: clean exit through the loop.
T send-keys -t ps clear Enter
run_in_pane "$bin --speed 0.2"
wait_for 'Dispatch Job' || fail "second start"
pid=$(child_pid)
kill -TERM "$pid"
wait_for 'EXITED 0' && ok "SIGTERM: clean exit" || fail "SIGTERM exit"
check_sane "SIGTERM"

# SIGSEGV: the terminal is restored, then the process dies of the signal.
T send-keys -t ps clear Enter
run_in_pane "$bin --speed 0.2"
wait_for 'Dispatch Job' || fail "third start"
pid=$(child_pid)
kill -SEGV "$pid"
wait_for 'EXITED 139' && ok "SIGSEGV: dies of the signal (139)" || fail "SIGSEGV status"
check_sane "SIGSEGV"

exit $failed
