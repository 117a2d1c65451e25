#!/bin/sh
# tui_lecture.sh BIN [PYTHON] - a stepped lesson recorded on the screen and
# replayed at the lecture's pace, the real binary in tmux (private socket).
# race.go is stepped with keys and pauses of known length while recording;
# the replay (--pace lecture, the default) must take the lecture's wall time
# within 5 %, and show at each recorded key's step the screen the live run
# showed then (the panels; the header's clock, the footer and the replay's
# position bar differ by design).  Then the cast of the recording: a frame a
# step at least, a marker a step and a printed line, the recorded screen's
# size, and Debian's asciinema accepts it (asciinema cat).
bin=$1
py=${2:-python3}
. "$(dirname "$0")/tmux_lib.sh"
tmux_lib_init lecture
PANE_PREFIX='clear; '
COLS=100 ROWS=32
T new-session -d -s ps -x $COLS -y $ROWS "env -i PATH=$PATH HOME=$HOME TERM=screen-256color LANG=C.UTF-8 PS1='$ ' sh"
wait_for '\$' || fail "shell prompt"
now() { date +%s.%N; }
since() { echo "$(now) $1" | awk '{printf "%.3f", $1 - $2}'; }

# 1. The lesson: 13 keys, each followed by a pause (the third one long);
# the last (s) leaves step mode: race runs to its end and prints its line.
keys="m m m m m 1 2 1 2 n n o s"
run_in_pane "$bin --scenario race --step --record $work/l.rec"
wait_for ' STEP ' || fail "the live run does not start in step mode"
t0=$(now)
i=0
for k in $keys; do
    i=$((i + 1))
    T send-keys -t ps "$k"
    pause=0.8
    [ $i -eq 3 ] && pause=2.0
    sleep 0.5
    # s runs race to its end: read the screen once it is there (under a
    # sanitizer the 50 goroutines take longer than the half second)
    [ "$k" = s ] && { wait_for ' DONE ' 300 || fail "live: s did not run to the end"; }
    screen >"$work/live.$i"
    sleep "$(echo "$pause" | awk '{print $1 - 0.5}')"
done
live_wall=$(since "$t0")
T send-keys -t ps q
wait_for 'EXITED 0' || fail "live: q"
grep -c '^key ' "$work/l.rec" >"$work/nkeys"
[ "$(cat "$work/nkeys")" -eq 14 ] && ok "the recording holds the 13 keys and q" ||
    fail "keys recorded: $(cat "$work/nkeys") (want 14)"
grep -qx "screen $COLS $ROWS" "$work/l.rec" && ok "the recording holds the screen's size" ||
    fail "no 'screen $COLS $ROWS' line"

# The events each key's step ends with: the next key's position.
awk '/^key /{ n++; at[n] = ev } /^[0-9]/{ ev++ } END { for (i = 2; i <= n; i++) print at[i] }' \
    "$work/l.rec" >"$work/ends"
total=$(grep -c '^[0-9]' "$work/l.rec")

# 2. The replay at the lecture's pace, timed, its screen read at each step.
# its start and end are caught by polling every 20 ms (the steps' screen
# reads below sleep, and would make the end look late)
wait_fast() { _n=1500; while [ $_n -gt 0 ]; do screen | grep -q -- "$1" && return 0; sleep 0.02; _n=$((_n - 1)); done; return 1; }
run_in_pane "$bin --replay $work/l.rec"
wait_fast 'REPLAY' || fail "replay: no REPLAY header"
t1=$(now)
(wait_fast ' END ' && now >"$work/end_t") &
poller=$!
i=0
while read -r end; do
    i=$((i + 1))
    wait_for "event $end/$total " 150 || { fail "replay: never at event $end (step $i)"; break; }
    sleep 0.2 # as the live screen was read: its marks after the step settled
    screen >"$work/replay.$i"
done <"$work/ends"
wait_for ' END ' 150 || fail "replay: never at its end"
wait $poller
replay_wall=$(echo "$(cat "$work/end_t" 2>/dev/null || now) $t1" | awk '{printf "%.3f", $1 - $2}')
last_wt=$(awk '/^[0-9]/{ wt = $9 } END { printf "%.3f", wt / 1e9 }' "$work/l.rec")
first_key=$(awk '/^key /{ printf "%.3f", $2 / 1e9; exit }' "$work/l.rec")
# the lecture from the first key to the last step's events, live and replayed
live_span=$(echo "$last_wt $first_key" | awk '{printf "%.3f", $1 - $2}')
if echo "$replay_wall $last_wt" | awk '{ d = $1 - $2; if (d < 0) d = -d; exit !(d <= 0.05 * $2) }'; then
    ok "lecture pace: the replay took ${replay_wall}s, the recorded lecture ${last_wt}s (within 5 %; keys over ${live_span}s, the shell timed ${live_wall}s)"
else
    fail "lecture pace: the replay took ${replay_wall}s, the recorded lecture ${last_wt}s"
fi
T send-keys -t ps q
wait_for 'EXITED 0' || fail "replay: q"

# The panels at each step: rows 2 .. ROWS-5 (the header's clock, the footer,
# the position bar and the log's last rows differ between a run and a replay;
# when the threads leave the log no row, the bar takes the code panel's last,
# so its rule's "10-14 of 26" may end a line sooner)
panels() { sed -n "2,$((ROWS - 5))p" "$1" | sed 's/  *$//; s/^\(── Code: [^ ]*\)  [0-9]*-[0-9]* of [0-9]* /\1 /'; }
same=0 n=0
for f in "$work"/replay.*; do
    k=${f##*.}
    n=$((n + 1))
    if [ "$(panels "$f")" = "$(panels "$work/live.$k")" ]; then
        same=$((same + 1))
    else
        echo "step $k: live and replay differ:"
        panels "$work/live.$k" >"$work/a"
        panels "$f" >"$work/b"
        diff "$work/a" "$work/b" | head -10 | sed 's/^/  | /'
    fi
done
[ "$same" -eq "$n" ] && [ "$n" -eq 13 ] && ok "the replay's screen at each of the $n steps is the live one's" ||
    fail "the replay's screen matched the live one's at $same of $n steps (want 13 of 13)"

# 3. The cast of the lesson.
"$bin" --replay "$work/l.rec" --export-cast "$work/l.cast" >/dev/null 2>&1 || fail "export-cast"
steps=$(grep -c ' ctl-step ' "$work/l.rec")
if "$py" - "$work/l.cast" "$steps" "$COLS" "$ROWS" "$work/l.rec" >"$work/check" <<'PY'; then
import json, struct, sys
path, steps, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
# the lecture's lines: the newlines in the recording's output events (obj:
# length << 8 | fd; arg and value: the bytes, little-endian)
out = b""
for l in open(sys.argv[5], encoding="utf-8", errors="replace"):
    f = l.split()
    if len(f) > 7 and f[0].isdigit() and f[4] == "output" and int(f[5]) & 0xff == 1:
        out += (struct.pack("<q", int(f[6])) + struct.pack("<q", int(f[7])))[: int(f[5]) >> 8]
printed = out.count(b"\n")
lines = open(path, encoding="utf-8").read().splitlines()
head = json.loads(lines[0])
ev = [json.loads(l) for l in lines[1:]]
frames = sum(1 for e in ev if e[1] == "o" and e[2])
marks = [e for e in ev if e[1] == "m"]
step_marks = [m for m in marks if m[2].startswith("step ")]
assert head["width"] == cols and head["height"] == rows, head
assert frames >= steps, (frames, steps)
assert len(step_marks) == steps, (len(step_marks), steps)
assert printed >= 1, "race printed no line"
assert len(marks) == steps + printed, ("markers", len(marks), "steps", steps, "lines", printed)
times = [e[0] for e in ev]
assert times == sorted(times)
print("%d frames >= %d steps, %d markers = %d steps + %d lines, %dx%d, %.1f s" %
      (frames, steps, len(marks), steps, printed, cols, rows, times[-1]))
PY
    ok "cast: $(cat "$work/check")"
else
    fail "cast: $(cat "$work/check")"
fi
# Debian's asciinema 2.2.0 reads /dev/tty (cat and play): script gives it a pty
if command -v asciinema >/dev/null 2>&1 && command -v script >/dev/null 2>&1; then
    v=$(asciinema --version | cut -d' ' -f2)
    script -qec "asciinema cat '$work/l.cast'" /dev/null >"$work/cat.out" 2>&1 &&
        grep -q 'race.go' "$work/cat.out" && ! grep -q Traceback "$work/cat.out" &&
        ok "asciinema $v cat accepts the cast" ||
        fail "asciinema cat: $(tail -3 "$work/cat.out")"
    # play: the pauses cut to 0.1 s, 20x; it must end by itself, cleanly
    if timeout 30 script -qec "asciinema play -i 0.1 -s 20 '$work/l.cast'" /dev/null \
        >"$work/play.out" 2>&1 && grep -q 'race.go' "$work/play.out" &&
        ! grep -q Traceback "$work/play.out"; then
        ok "asciinema $v play plays it to its end"
    else
        fail "asciinema play: $(tail -3 "$work/play.out")"
    fi
else
    echo "skip asciinema cat/play (asciinema or script not installed)"
fi
exit $failed
