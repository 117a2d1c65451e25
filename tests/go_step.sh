#!/usr/bin/env bash
# go_step.sh POOLSCOPE DIR - stepping a Go program is deterministic.
#   - DIR/race.go (goroutines doing ops++ on one variable) run 50 times with
#     --headless --step prints one output, and that output shows lost
#     updates (fewer than the 400 increments): the default step rule
#     interleaves the loads and stores every time the same way.
#   - DIR/select.go with the same --seed makes the same select choices
#     (stepped or not); another seed makes others.
#   - DIR/lines.go stepped with --log=events: each goroutine's "at" events
#     name the source lines of the statements it waits before, in order.
set -euo pipefail
bin=$1
dir=$2
fail=0
outs=$(for i in $(seq 1 50); do timeout 30 "$bin" --headless --step "$dir/race.go"; done | sort | uniq -c)
n=$(printf '%s\n' "$outs" | wc -l)
if [ "$n" -ne 1 ]; then
    echo "FAIL race.go --step: $n different outputs in 50 runs:"
    printf '%s\n' "$outs"
    fail=1
else
    ops=$(printf '%s\n' "$outs" | sed -n 's/.*ops: \([0-9]*\).*/\1/p')
    if [ -z "$ops" ] || [ "$ops" -ge 400 ]; then
        echo "FAIL race.go --step: no lost update shown ($outs)"
        fail=1
    else
        echo "ok race.go --step: 50 runs, one output: ops: $ops (of 400)"
    fi
fi
s1=$("$bin" --headless --seed 1 "$dir/select.go")
s1b=$("$bin" --headless --step --seed 1 "$dir/select.go")
s2=$("$bin" --headless --seed 2 "$dir/select.go")
if [ "$s1" != "$s1b" ]; then
    echo "FAIL select.go: --seed 1 chose $s1 running, $s1b stepping"
    fail=1
elif [ "$s1" = "$s2" ]; then
    echo "FAIL select.go: --seed 1 and --seed 2 chose the same: $s1"
    fail=1
else
    echo "ok select.go: --seed 1 $s1, --seed 2 $s2"
fi
at=$("$bin" --headless --step --log=events "$dir/lines.go" 2>&1 >/dev/null |
    awk '$5 == "at" { s[$4] = s[$4] " " substr($NF, 2) } END { for (a in s) print a ":" s[a] }' |
    sort | tr '\n' ';')
want="W1: 14 8;main: 12 13 16 17;"
if [ "$at" != "$want" ]; then
    echo "FAIL lines.go --step: at-lines '$at', want '$want'"
    fail=1
else
    echo "ok lines.go --step: $at"
fi
exit $fail
