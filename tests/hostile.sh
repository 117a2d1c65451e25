#!/bin/sh
# hostile.sh POOLSCOPE DIR - runs every case of DIR/cases (see that file) on
# the real binary: the exit status must be the one given, the run must end
# within its time (a run that does not end is a finding: `timeout` kills it),
# its output file must stay within its size and its peak RSS within its
# megabytes (GNU time's %M), and nothing it prints may hold an ESC byte
# (poolscope's own lines quote files; they must not drive the terminal).  Under a sanitizer or valgrind the time and
# memory bounds are multiplied by PS_TIME_SLACK.
prog=$1
dir=$2
slack=${PS_TIME_SLACK:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/fifo"
head -c 67108864 /dev/zero >"$tmp/zeros"
{ echo 'poolscope-recording 1'; head -c 16777216 /dev/zero | tr '\0' x; echo; } >"$tmp/longline"
# One case, its verdict a line in $tmp/result.N ("ok ..." or "FAIL ...").
run_case() { # run_case N FILE ARGS STATUS SECS BYTES MB
    n=$1 file=$2 args=$3 status=$4 secs=$5 bytes=$6 mb=$7
    out="$tmp/out.$n"
    [ "$file" = - ] || cp "$dir/$file" "$tmp/copy.$n"
    # shellcheck disable=SC2086 # the arguments are split on purpose
    set -- $(echo "$args" | sed "s|{}|$dir/$file|g; s|OUT|$out|g; s|FIFO|$tmp/fifo|g;
        s|ZEROS|$tmp/zeros|g; s|LONGLINE|$tmp/longline|g; s|COPY|$tmp/copy.$n|g")
    limit=$(awk "BEGIN { print int($secs * $slack + 0.5) }")
    /usr/bin/time -o "$tmp/rss.$n" -f %M timeout -s KILL "$limit" "$prog" "$@" \
        >"$tmp/stdout.$n" 2>"$tmp/stderr.$n"
    rc=$?
    rss=$(tail -n 1 "$tmp/rss.$n" | tr -dc 0-9)
    rss_limit=$(awk "BEGIN { print int($mb * 1024 * $slack) }")
    size=0
    [ -f "$out" ] && size=$(wc -c <"$out")
    if [ "$rc" = 137 ]; then
        echo "FAIL $file ($args): still running after ${limit}s"
    elif [ "$rc" != "$status" ]; then
        echo "FAIL $file ($args): exit $rc, want $status: $(head -c 300 "$tmp/stderr.$n")"
    elif [ "$size" -gt "$bytes" ]; then
        echo "FAIL $file ($args): wrote $size bytes, at most $bytes"
    elif [ "${rss:-0}" -gt "$rss_limit" ]; then
        echo "FAIL $file ($args): peak RSS ${rss} kB, at most ${rss_limit} kB"
    elif grep -q "$(printf '\033')" "$tmp/stdout.$n" "$tmp/stderr.$n"; then
        echo "FAIL $file ($args): an ESC byte reached the terminal: $(od -c "$tmp/stderr.$n" | head -3)"
    elif [ "$file" != - ] && ! cmp -s "$dir/$file" "$tmp/copy.$n"; then
        echo "FAIL $file ($args): the input was changed"
    else
        echo "ok   $file ($args): exit $rc, $size bytes, peak RSS ${rss} kB"
    fi >"$tmp/result.$n"
}

# The cases run six at a time: most wait (a replay's 5 s pause bound, a
# FIFO), and one after another they took 16 s of the quick suite's budget.
n=0
while IFS='|' read -r file args status secs bytes mb; do
    case $file in '#'* | '') continue ;; esac
    n=$((n + 1))
    run_case "$n" "$(echo "$file" | tr -d ' ')" "$args" "$(echo "$status" | tr -d ' ')" \
        "$(echo "$secs" | tr -d ' ')" "$(echo "$bytes" | tr -d ' ')" "$(echo "$mb" | tr -d ' ')" &
    [ $((n % 6)) = 0 ] && wait
done <"$dir/cases"
wait
[ "$n" -gt 0 ] || { echo "no cases in $dir/cases"; exit 1; }
fail=0
i=1
while [ "$i" -le "$n" ]; do
    cat "$tmp/result.$i"
    grep -q '^FAIL' "$tmp/result.$i" && fail=1
    i=$((i + 1))
done
exit $fail
