# tmux_lib.sh - the harness the tmux end-to-end scripts share (sourced):
# a private tmux server, a scratch dir, reading the pane, waiting for text,
# and checking the terminal poolscope hands back.
#   tmux_lib_init NAME   socket poolscope-NAME-PID, $work, cleanup on exit
#   WAIT_TENTHS          wait_for's default patience (tenths of a second)
#   PANE_PREFIX          what run_in_pane types before the command ("clear; ")
tmux_lib_init() {
    work=$(mktemp -d)
    sock=poolscope-$1-$$
    failed=0
    trap tmux_lib_cleanup EXIT INT TERM
}
T() { tmux -L "$sock" -f /dev/null "$@"; }
tmux_lib_cleanup() { T kill-server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
screen() { T capture-pane -p -t ps; }
fail() { echo "FAIL: $*"; screen | sed 's/^/  | /'; failed=1; }
ok() { echo "ok   $*"; }
# wait_for PATTERN [TENTHS]: until the pane shows it
wait_for() {
    _n=${2:-${WAIT_TENTHS:-50}}
    while [ "$_n" -gt 0 ]; do
        screen | grep -q -- "$1" && return 0
        sleep 0.1; _n=$((_n - 1))
    done
    return 1
}
# the command line the pane's shell runs, then stty -a into $work/stty
run_in_pane() {
    rm -f "$work/stty"
    T send-keys -t ps "${PANE_PREFIX:-}$1; echo EXITED \$?; stty -a > $work/stty" Enter
}
# the terminal after poolscope: line discipline back to cooked, echo on
check_sane() {
    if grep -q -- '-icanon' "$work/stty" || grep -q -- '-echo ' "$work/stty" ||
        ! grep -q 'icanon' "$work/stty"; then
        fail "$1: terminal not restored: $(head -3 "$work/stty")"
    else
        ok "$1: terminal restored (icanon echo)"
    fi
}
child_pid() { pgrep -P "$(T display -p -t ps '#{pane_pid}')" | head -1; }
