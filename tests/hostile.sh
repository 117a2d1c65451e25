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
fail=0
n=0
while IFS='|' read -r file args status secs bytes mb; do
    case $file in '#'* | '') continue ;; esac
    file=$(echo "$file" | tr -d ' ')
    status=$(echo "$status" | tr -d ' ')
    secs=$(echo "$secs" | tr -d ' ')
    bytes=$(echo "$bytes" | tr -d ' ')
    mb=$(echo "$mb" | tr -d ' ')
    n=$((n + 1))
    out="$tmp/out.$n"
    [ "$file" = - ] || cp "$dir/$file" "$tmp/copy.$n"
    # shellcheck disable=SC2086 # the arguments are split on purpose
    set -- $(echo "$args" | sed "s|{}|$dir/$file|g; s|OUT|$out|g; s|FIFO|$tmp/fifo|g;
        s|ZEROS|$tmp/zeros|g; s|LONGLINE|$tmp/longline|g; s|COPY|$tmp/copy.$n|g")
    limit=$(awk "BEGIN { print int($secs * $slack + 0.5) }")
    /usr/bin/time -o "$tmp/rss" -f %M timeout -s KILL "$limit" "$prog" "$@" >"$tmp/stdout" \
        2>"$tmp/stderr"
    rc=$?
    rss=$(tail -n 1 "$tmp/rss" | tr -dc 0-9)
    rss_limit=$(awk "BEGIN { print int($mb * 1024 * $slack) }")
    size=0
    [ -f "$out" ] && size=$(wc -c <"$out")
    if [ "$rc" = 137 ]; then
        echo "FAIL $file ($args): still running after ${limit}s"
        fail=1
    elif [ "$rc" != "$status" ]; then
        echo "FAIL $file ($args): exit $rc, want $status: $(head -c 300 "$tmp/stderr")"
        fail=1
    elif [ "$size" -gt "$bytes" ]; then
        echo "FAIL $file ($args): wrote $size bytes, at most $bytes"
        fail=1
    elif [ "${rss:-0}" -gt "$rss_limit" ]; then
        echo "FAIL $file ($args): peak RSS ${rss} kB, at most ${rss_limit} kB"
        fail=1
    elif grep -q "$(printf '\033')" "$tmp/stdout" "$tmp/stderr"; then
        echo "FAIL $file ($args): an ESC byte reached the terminal: $(od -c "$tmp/stderr" | head -3)"
        fail=1
    elif [ "$file" != - ] && ! cmp -s "$dir/$file" "$tmp/copy.$n"; then
        echo "FAIL $file ($args): the input was changed"
        fail=1
    else
        echo "ok   $file ($args): exit $rc, $size bytes, peak RSS ${rss} kB"
    fi
done <"$dir/cases"
[ "$n" -gt 0 ] || { echo "no cases in $dir/cases"; exit 1; }
exit $fail
