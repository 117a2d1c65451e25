#!/bin/sh
# tui_rec.sh BIN [PYTHON] - record and replay on the screen, as users do it:
# --record from the live screen (keys pressed, quit), the same recording
# replayed on the screen (pause, one event back, to the end, quit), headless
# replay of it printing the lines the screen showed, recording failures in
# the footer, a step-mode recording replaying its chosen interleaving, and
# --export-cast drawn by the screen's own code.  tmux on a private socket.
bin=$1
py=${2:-python3}
here=$(dirname "$0")
. "$here/tmux_lib.sh"
tmux_lib_init rec
WAIT_TENTHS=80
PANE_PREFIX="clear; "
# the event number on the position bar: "event K/N"
position() { screen | sed -n 's/^ *event \([0-9]*\)\/[0-9]*.*/\1/p' | tail -1; }

T new-session -d -s ps -x 100 -y 40 \
    "env -i PATH=$PATH HOME=$HOME TERM=screen-256color LANG=C.UTF-8 PS1='$ ' sh"
wait_for '\$' || fail "shell prompt"

# 1. Record from the live screen: pause and resume on the way, quit at the end.
run_in_pane "$bin --speed 2 --record $work/live.rec"
wait_for ' REC ' && ok "live: the header says REC" || fail "REC badge"
T send-keys -t ps Space
wait_for 'PAUSED' || fail "space pauses while recording"
sleep 0.3
T send-keys -t ps Space
wait_for ' DONE ' 100 || fail "the recorded run ends"
T send-keys -t ps q
wait_for 'EXITED 0' && ok "live --record: q, status 0" || fail "live --record exit"
check_sane "live --record"
tail -1 "$work/live.rec" | grep -q '^end [0-9]*$' && ok "the recording is closed (end line)" ||
    fail "recording without end line: $(tail -1 "$work/live.rec")"

# 2. Headless replay hands out every event the live screen recorded, as recorded.
"$bin" --headless --replay "$work/live.rec" --speed 100 --log=events 2>&1 | grep -v '^#' >"$work/replay.lines"
sed -n '/^events$/,$p' "$work/live.rec" | grep '^[0-9]' >"$work/screen.lines"
if [ -s "$work/screen.lines" ] && cmp -s "$work/screen.lines" "$work/replay.lines" &&
    grep -q ' ctl-pause ' "$work/replay.lines"; then
    ok "headless replay hands out the live run's $(wc -l <"$work/replay.lines") events, the pause too"
else
    fail "headless replay differs from the recording"
    diff "$work/screen.lines" "$work/replay.lines" | head -10
fi

# 3. The same recording on the screen: pause, one event back, to the end.
run_in_pane "$bin --replay $work/live.rec --speed 0.5"
wait_for ' REPLAY ' && wait_for 'event [0-9]*/' && ok "replay: header REPLAY, position bar" ||
    fail "replay screen"
sleep 0.5
T send-keys -t ps Space
wait_for 'PAUSED' || fail "replay: space pauses"
k=$(position)
T send-keys -t ps ','
wait_for ' STEP ' || fail "replay: , goes to step mode"
sleep 0.2
k2=$(position)
[ -n "$k" ] && [ "$k2" = $((k - 1)) ] && ok "replay: , steps back one event ($k -> $k2)" ||
    fail "replay: , from '$k' gave '$k2'"
n=$(grep -c '^[0-9]' "$work/live.rec")
T send-keys -t ps End
wait_for "event $n/$n" && wait_for ' END ' && ok "replay: End goes to event $n/$n" ||
    fail "replay: End"
T send-keys -t ps Home
wait_for "event 0/$n" && ok "replay: Home goes back to event 0" || fail "replay: Home"
T send-keys -t ps ']'
wait_for "event [1-9][0-9]*/$n" && ok "replay: ] jumps forward" || fail "replay: ]"
# } and {: operation by operation, the newest event in the log
newest() { screen | grep -B1 'event [0-9]*/' | head -1; }
# the log names an event "0.001s  main  scenario-start 20000": actor and kind
l1=$(sed -n 1p "$work/screen.lines" | awk '{print $4 "  " $5}')
l2=$(sed -n 2p "$work/screen.lines" | awk '{print $4 "  " $5}')
T send-keys -t ps Home
wait_for "event 0/$n" || fail "replay: Home before }"
T send-keys -t ps '}'
wait_for ' STEP ' && sleep 0.2
a1=$(newest)
T send-keys -t ps '}'
sleep 0.3
a2=$(newest)
T send-keys -t ps '{'
sleep 0.3
a3=$(newest)
case "$a1|$a2|$a3" in
*"$l1"*"|"*"$l2"*"|"*"$l1"*) ok "replay: } goes to the next operation, { back ($l1, $l2, $l1)" ;;
*) fail "replay: } / { gave '$a1' '$a2' '$a3' (want '$l1' '$l2' '$l1')" ;;
esac
T send-keys -t ps q
wait_for 'EXITED 0' && ok "replay: q, status 0" || fail "replay exit"
check_sane "replay"

# 4. A live run says in its footer why a seek key cannot work.
run_in_pane "$bin --speed 0.5"
wait_for 'Dispatch Job' || fail "live start"
T send-keys -t ps ','
wait_for 'only a replay can go back' && ok "live: , says only a replay can go back" ||
    fail "live: , message"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "live exit"

# 5. Recording problems show in the footer; the run goes on; stderr after.
run_in_pane "$bin --speed 2 --record /dev/full"
wait_for 'recording stopped: /dev/full: No space left on device' &&
    ok "/dev/full: the footer says recording stopped" || fail "/dev/full footer"
wait_for 'REC stopped' || fail "/dev/full: header REC stopped"
wait_for ' DONE ' 100 && screen | grep -q 'worker [1-3] finished job' &&
    ok "/dev/full: the run goes on to its end" || fail "/dev/full: the run goes on"
screen | grep -q '^poolscope:' && fail "/dev/full: raw stderr on the screen"
T send-keys -t ps q
wait_for 'EXITED 1' && screen | grep -q 'poolscope: recording to /dev/full stopped' &&
    ok "/dev/full: status 1, the message on stderr after the screen" || fail "/dev/full exit"
check_sane "/dev/full"
run_in_pane "$bin --speed 2 --record /nonexistent/x.rec"
wait_for 'recording stopped: cannot record to /nonexistent/x.rec: No such file' &&
    ok "unwritable: the footer says recording stopped" || fail "unwritable footer"
T send-keys -t ps q
wait_for 'EXITED 1' || fail "unwritable: status 1"
run_in_pane "$bin --replay $work/live.rec --record $work/again.rec"
wait_for 'EXITED 2' && screen | grep -q 'needs --headless' &&
    ok "--replay --record on the screen: refused, status 2" || fail "--replay --record refusal"

# 6. Step mode: the keys choose the interleaving, the recording keeps it.
run_in_pane "$bin --step --record $work/step.rec"
wait_for ' STEP ' || fail "step start"
for i in $(seq 1 24); do T send-keys -t ps m; sleep 0.15; done
T send-keys -t ps 3; sleep 0.2
T send-keys -t ps 2; sleep 0.2
T send-keys -t ps 1; sleep 0.2
T send-keys -t ps q
wait_for 'EXITED 0' || fail "step recording exit"
"$bin" --headless --replay "$work/step.rec" --log=events --step 2>/dev/null |
    awk '$5 == "ctl-step" && $7 >= 1 && !seen[$7]++ { printf "%s ", $7 }' >"$work/order"
[ "$(cat "$work/order")" = "3 2 1 " ] &&
    ok "step recording replays the chosen order W3 W2 W1" ||
    fail "step order: '$(cat "$work/order")'"
run_in_pane "$bin --replay $work/step.rec --step"
wait_for 'event 0/' || fail "step replay start"
T send-keys -t ps n; sleep 0.2
T send-keys -t ps n
wait_for 'event 2/' && ok "step replay: n n hands out two events" || fail "step replay n"
T send-keys -t ps q
wait_for 'EXITED 0' || fail "step replay exit"

# 7. Casts are drawn by the screen's own code, with markers; asciinema reads them.
for src in live replay; do
    if [ $src = live ]; then
        "$bin" --headless --speed 10 --export-cast "$work/$src.cast" >/dev/null 2>&1
    else
        "$bin" --replay "$work/live.rec" --export-cast "$work/$src.cast" >/dev/null 2>&1
    fi
    if "$py" "$here/check_cast.py" "$work/$src.cast" >"$work/check" &&
        grep -q 'Job Queue' "$work/$src.cast" && grep -q 'Idle Worker' "$work/$src.cast" &&
        grep -q '"m", "worker 1 started' "$work/$src.cast"; then
        ok "cast ($src): the TUI's panels, $(cat "$work/check")"
    else
        fail "cast ($src)"
    fi
done
# The live screen and a cast's screen at once; r starts both over; q still quits.
run_in_pane "$bin --speed 4 --export-cast $work/both.cast --record $work/both.rec"
wait_for ' DONE ' 100 || fail "live + cast: first run"
T send-keys -t ps r
sleep 0.3
wait_for ' DONE ' 100 || fail "live + cast: restarted run"
T send-keys -t ps q
wait_for 'EXITED 0' && "$py" "$here/check_cast.py" "$work/both.cast" >/dev/null &&
    grep -q 'Idle Worker' "$work/both.cast" && ok "live + cast: r, q, the cast is whole" ||
    fail "live + cast + r + q"
check_sane "live + cast"
if command -v asciinema >/dev/null && command -v script >/dev/null; then
    script -qec "asciinema cat '$work/replay.cast'" /dev/null 2>&1 | grep -q 'Dispatch Job' &&
        ok "asciinema cat plays the TUI cast" || fail "asciinema cat"
else
    echo "skip asciinema cat (asciinema or script not installed)"
fi
exit $failed
