#!/bin/sh
# tui_fault.sh BIN - a crash inside a goroutine's thread gives the terminal back
# (the real binary in tmux, private socket).
#   SigBlk  on a running screen no goroutine's thread blocks SIGILL(4), SIGABRT(6),
#           SIGBUS(7), SIGFPE(8) or SIGSEGV(11): Linux turns a blocked fault
#           into its default action, so the crash handler would never run.
#           They still block the UI thread's signals (INT, WINCH).
#   faults  POOLSCOPE_TEST_FAULT=SEGV|BUS|FPE|ILL|ABRT (docs/testing.md) makes
#           main fault at its first step: --paused, then space.  The process
#           dies of that signal (status 128+N), says which signal in which
#           thread, and the terminal is cooked with echo, the cursor shows and
#           the alternate screen is left (the shell's earlier line is back).
bin=$1
. "$(dirname "$0")/tmux_lib.sh"
tmux_lib_init fault
# ASan's own SEGV/BUS/FPE handlers would stand in front of poolscope's; ulimit:
# no core files from the deliberate crashes
T new-session -d -s ps -x 100 -y 30 "ulimit -c 0; exec env -i PATH=$PATH HOME=$HOME \
TERM=screen-256color PS1='$ ' \
ASAN_OPTIONS=handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0:handle_abort=0 sh"
wait_for '\$' || fail "shell prompt"
clear_pane() {
    T send-keys -t ps clear Enter
    n=30
    while [ "$n" -gt 0 ] && [ "$(screen | grep -c .)" != 1 ]; do sleep 0.1; n=$((n - 1)); done
}
# bit N-1 of a hex mask
sigbit() { [ $(((0x$1 >> ($2 - 1)) & 1)) = 1 ]; }

# A normal screen session, the worker pool's main and 3 workers: the
# goroutine threads are the 4 newest (made last; a sanitizer's runtime
# thread, TSan's, is older and blocks everything), the UI thread is the one
# whose tid is the pid.
run_in_pane "$bin --speed 0.2"
wait_for 'Dispatch Job' || fail "SigBlk: start"
pid=$(child_pid)
ui_blk=$(awk '/^SigBlk:/ {print $2}' /proc/"$pid"/status)
for s in 4 6 7 8 11; do
    sigbit "$ui_blk" $s && fail "SigBlk: the UI thread blocks signal $s ($ui_blk)"
done
n=0
sleep 0.5 # the workers are started by main's first statements
for tid in $(ls /proc/"$pid"/task | sort -n | grep -vx "$pid" | tail -4); do
    blk=$(awk '/^SigBlk:/ {print $2}' /proc/"$pid"/task/"$tid"/status)
    n=$((n + 1))
    for s in 4 6 7 8 11; do
        sigbit "$blk" $s && fail "SigBlk: goroutine thread $tid blocks signal $s (SigBlk $blk)"
    done
    for s in 2 28; do
        sigbit "$blk" $s || fail "SigBlk: goroutine thread $tid lets signal $s in (SigBlk $blk)"
    done
done
[ $n = 4 ] || fail "SigBlk: $n goroutine threads (want main and 3 workers)"
[ $failed = 0 ] && ok "SigBlk: $n goroutine threads block INT and WINCH, none ILL ABRT BUS FPE SEGV"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "SigBlk: q quits"

# A fault inside main, a goroutine's thread, while the screen runs.
for case in SEGV:11 BUS:7 FPE:8 ILL:4 ABRT:6; do
    sig=${case%:*}; num=${case#*:}; want=$((128 + num))
    before=$failed; failed=0
    clear_pane
    T send-keys -t ps "echo BEFORE-$sig" Enter
    run_in_pane "POOLSCOPE_TEST_FAULT=$sig $bin --paused"
    wait_for 'PAUSED' || fail "$sig: start"
    pid=$(child_pid)
    T send-keys -t ps Space
    wait_for "EXITED $want" && ok "$sig: status $want" || fail "$sig: status (want $want)"
    n=20; while [ ! -s "$work/stty" ] && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
    check_sane "$sig"
    flags=$(T display -p -t ps '#{cursor_flag} #{alternate_on}')
    [ "$flags" = "1 0" ] && ok "$sig: cursor visible, normal screen" ||
        fail "$sig: cursor/alternate screen flags '$flags' (want '1 0')"
    screen | grep -q "^BEFORE-$sig\$" && ok "$sig: the shell's earlier output is back" ||
        fail "$sig: 'BEFORE-$sig' not on the screen"
    screen | grep -q "poolscope: SIG$sig in a goroutine's thread (tid [0-9]*); terminal restored" &&
        ok "$sig: says SIG$sig in a goroutine's thread" || fail "$sig: no message naming the signal"
    if [ -n "$pid" ] && { kill -0 "$pid" 2>/dev/null || [ -d "/proc/$pid" ]; }; then
        fail "$sig: process $pid still there"
    fi
    # a terminal left raw would fail every later case too: give it back (C-j,
    # since Enter is a bare CR without icrnl)
    if [ $failed = 1 ]; then
        T send-keys -t ps 'stty sane; tput rmcup; tput cnorm' C-j
        sleep 0.5
    fi
    [ $before = 1 ] && failed=1
done

exit $failed
