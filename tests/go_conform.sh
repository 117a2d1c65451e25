#!/usr/bin/env bash
# go_conform.sh POOLSCOPE [--all] [--shard I/N] [NAME...] - the Go conformance corpus
# (tests/go/).
#
# Runs `POOLSCOPE --headless tests/go/NAME.go` for every program (or the NAMEs given)
# and compares its stdout, stderr and exit status with what real Go 1.19 gave
# (tests/go/NAME.out, .err, .code, written by tests/go/gen.sh). The rules are in
# docs/testing.md ("Go conformance corpus"); in short:
#   exit status    equal to NAME.code
#   stdout         byte for byte; sorted lines with `// poolscope: lines-unordered`;
#                  against the regexes of NAME.match when it exists (tests/go/match.awk)
#   stderr         byte for byte, unless NAME.err holds a goroutine trace (a panic or
#                  a fatal error): then the lines before the first blank line
#                  (pc=0x... masked) and `goroutine N [STATE]:` after it (N and
#                  STATE not compared)
#   refusals       (NAME.expect exists) status NAME.code and the first stderr line
#                  matching NAME.expect's regex (grep -E)
#   time           only with GO_CONFORM_TIMING=1: a program marked
#                  `// poolscope: elapsed-ms N` must take N ms +- (1% + 50 ms)
# Programs listed in tests/go/PASSING must pass; the others are run and reported
# ("todo NAME: ...") but do not fail the run, and one that passes unlisted is
# reported as "newly passing NAME". With --all every program must pass.
# With --shard I/N only every Nth program from the Ith (1-based) runs, so that meson
# can run the corpus as N tests in parallel; shard 1 also checks the PASSING list.
# Exit status 0 iff every program that must pass passed.
#
# Environment: GO_CONFORM_TIMEOUT (seconds per program, default 20),
# GO_CONFORM_TODO_TIMEOUT (for programs not in PASSING, default 10), PS_TIME_SLACK
# (multiplies the per-program timeout of listed programs),
# GO_CONFORM_TIMING=1 (check wall times), GO_CONFORM_VERBOSE=1 (show the whole
# stdout/stderr of each failure), GO_CONFORM_WRAPPER (a command that runs each program,
# as `valgrind -q --error-exitcode=97`: ./dev valgrind; its report lands in stderr, which
# is compared, and status 97 is named), GO_CONFORM_SKIP (names not run, with
# GO_CONFORM_SKIP_WHY).
set -euo pipefail
# the corpus was generated in UTC (gen.sh); a time.Time prints in the local zone
# and has no location of its own (docs/go.md), so UTC here too
export TZ=UTC

if [ $# -lt 1 ]; then
    echo "usage: go_conform.sh POOLSCOPE [--all] [--shard I/N] [NAME...]" >&2
    exit 2
fi
bin=$1
shift
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
all=0
shard=1/1
names=()
nargs=0
for a in "$@"; do
    case $a in
    --all) all=1 ;;
    --shard=*) shard=${a#--shard=} ;;
    *)
        a=${a##*/}
        a=${a%%.*} # NAME, NAME.go or tests/go/NAME.out alike
        [[ " ${names[*]:-} " == *" $a "* ]] || names+=("$a")
        nargs=$((nargs + 1))
        ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dir=tests/go
timeout_s=${GO_CONFORM_TIMEOUT:-20}
# a sanitizer build runs 5-20x slower (./dev test-sanitize sets PS_TIME_SLACK=4): a
# 100 000-deep recursion takes 20 s under TSan
timeout_s=$((timeout_s * ${PS_TIME_SLACK:-1}))
todo_timeout_s=${GO_CONFORM_TODO_TIMEOUT:-10}
timing=${GO_CONFORM_TIMING:-0}
verbose=${GO_CONFORM_VERBOSE:-0}

shard_i=${shard%/*}
shard_n=${shard#*/}
if ! [[ $shard_i =~ ^[1-9][0-9]*$ && $shard_n =~ ^[1-9][0-9]*$ ]] || [ "$shard_i" -gt "$shard_n" ]; then
    echo "go_conform.sh: --shard=$shard: want I/N with 1 <= I <= N" >&2
    exit 2
fi
if [ ${#names[@]} -eq 0 ]; then
    k=0
    for f in "$dir"/*.go; do
        f=${f##*/}
        [ $((k % shard_n + 1)) = "$shard_i" ] && names+=("${f%.go}")
        k=$((k + 1))
    done
fi

# the PASSING list: names, '#' comments and blank lines ignored
passing=" "
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%%#*}
    line=${line//[[:space:]]/}
    [ -n "$line" ] && passing+="$line "
done <"$dir/PASSING"
listed() { [ "$all" = 1 ] || [[ $passing == *" $1 "* ]]; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# clip TEXT: one line of at most 100 characters, for a report
clip() {
    local s=$1
    if [ ${#s} -gt 100 ]; then s="${s:0:100}..."; fi
    printf '%s' "$s"
}

# first_diff WANT GOT WHAT: empty if the files are equal, else the first difference
first_diff() {
    cmp -s "$1" "$2" && return 0
    awk -v W="$1" -v G="$2" -v what="$3" '
    function q(s) { if (length(s) > 100) s = substr(s, 1, 100) "..."; return "\"" s "\"" }
    BEGIN {
        for (i = 1; ; i++) {
            a = (getline w < W) > 0; b = (getline g < G) > 0
            if (!a && !b) { print what ": the same lines, but the final newline differs"; exit }
            if (!a) { print what " line " i ": unexpected " q(g) " (want end of output)"; exit }
            if (!b) { print what " line " i ": missing " q(w) " (got end of output)"; exit }
            if (w != g) { print what " line " i ": got " q(g) ", want " q(w); exit }
        }
    }'
}

# trace_head FILE: a panic's or fatal error's stderr as compared: the lines before
# the first blank line (pc=0x... masked), then the line after it with the goroutine
# number and state masked
trace_head() {
    awk '
    !blank && $0 == "" { blank = 1; next }
    !blank { gsub(/pc=0x[0-9a-f]+/, "pc=0x?"); print; next }
    { if ($0 ~ /^goroutine [0-9]+ \[[^]]*\]:$/) print "goroutine N [...]:"; else print; exit }
    ' "$1"
}

directive() { # directive NAME KEY: the value of `// poolscope: KEY VALUE` before `package`
    awk -v key="$2" '
    /^package / { exit }
    $1 == "//" && $2 == "poolscope:" && $3 == key { print ($4 == "" ? "yes" : $4); exit }
    ' "$dir/$1.go"
}

# check NAME: run one program; prints nothing if it conforms, else why not
check() {
    local name=$1 src=$dir/$1.go want_code code start end ms limit why
    if [ ! -f "$src" ]; then echo "no such program $src"; return; fi
    if [ ! -f "$dir/$name.code" ]; then echo "no $dir/$name.code (run tests/go/gen.sh)"; return; fi
    want_code=$(tr -d '[:space:]' <"$dir/$name.code")
    limit=$timeout_s
    listed "$name" || limit=$todo_timeout_s
    start=$(date +%s%N)
    set +e
    # shellcheck disable=SC2086 # the wrapper is a command line, split into words
    timeout -k 2 "$limit" ${GO_CONFORM_WRAPPER:-} "$bin" --headless "$src" </dev/null >"$tmp/out" 2>"$tmp/err"
    code=$?
    set -e
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    if [ "$code" = 124 ] && [ "$want_code" != 124 ]; then
        echo "timed out after $limit s"
        return
    fi
    if [ -n "${GO_CONFORM_WRAPPER:-}" ] && [ "$code" = 97 ] && [ "$want_code" != 97 ]; then
        echo "the wrapper (${GO_CONFORM_WRAPPER%% *}) found errors: $(clip "$(grep -m1 -E '==[0-9]+== [A-Z]' "$tmp/err" || head -n1 "$tmp/err")")"
        return
    fi
    if [ -f "$dir/$name.expect" ]; then # a refusal
        local re first
        re=$(grep -v '^#' "$dir/$name.expect" | grep -m1 . || true)
        first=$(head -n1 "$tmp/err")
        if [ "$code" != "$want_code" ]; then
            echo "exit status $code, want $want_code (stderr: \"$(clip "$first")\")"
        elif ! printf '%s\n' "$first" | grep -qE -- "$re"; then
            echo "stderr line 1: \"$(clip "$first")\" does not match /$re/"
        fi
        return
    fi
    if [ "$code" != "$want_code" ]; then
        why="exit status $code, want $want_code"
        if [ -s "$tmp/err" ]; then why+=" (stderr: \"$(clip "$(head -n1 "$tmp/err")")\")"; fi
        echo "$why"
        return
    fi
    # stdout
    local unordered
    unordered=$(directive "$name" lines-unordered)
    if [ -f "$dir/$name.match" ]; then
        why=$(awk -v R="$dir/$name.match" -v unordered="${unordered:+1}" -f "$dir/match.awk" "$tmp/out" || true)
    elif [ -n "$unordered" ]; then
        LC_ALL=C sort "$dir/$name.out" >"$tmp/want.sorted"
        LC_ALL=C sort "$tmp/out" >"$tmp/got.sorted"
        why=$(first_diff "$tmp/want.sorted" "$tmp/got.sorted" "stdout (sorted)")
    else
        why=$(first_diff "$dir/$name.out" "$tmp/out" stdout)
    fi
    if [ -n "$why" ]; then echo "$why"; return; fi
    # stderr
    if grep -qE '^goroutine [0-9]+ \[' "$dir/$name.err"; then
        trace_head "$dir/$name.err" >"$tmp/want.head"
        trace_head "$tmp/err" >"$tmp/got.head"
        why=$(first_diff "$tmp/want.head" "$tmp/got.head" "stderr (trace head)")
    else
        why=$(first_diff "$dir/$name.err" "$tmp/err" stderr)
    fi
    if [ -n "$why" ]; then echo "$why"; return; fi
    # wall time, on demand
    local want_ms
    want_ms=$(directive "$name" elapsed-ms)
    if [ "$timing" = 1 ] && [ -n "$want_ms" ]; then
        local slack=$((want_ms / 100 + 50)) d=$((ms - want_ms))
        if [ ${d#-} -gt "$slack" ]; then
            echo "took $ms ms, Go took $want_ms ms (allowed: +-$slack ms)"
        fi
    fi
}

ok=0 failed=0 todo=0 newly=0 skipped=0 retried=0
for name in "${names[@]}"; do
    # GO_CONFORM_SKIP: programs a build cannot run at all (a sanitizer's own
    # limit, not the program's), named by the caller with the reason
    case " ${GO_CONFORM_SKIP:-} " in
    *" $name "*)
        echo "skip $name: ${GO_CONFORM_SKIP_WHY:-skipped by the caller}"
        skipped=$((skipped + 1))
        continue ;;
    esac
    why=$(check "$name")
    # a program whose output follows its timers (it has an elapsed-ms) ordering
    # events 200 ms apart can still lose to a loaded machine's scheduler (a
    # thread not run for that long), as Go's own run could: it runs once more,
    # and the first failure is said and counted
    if [ -n "$why" ] && listed "$name" && [ -n "$(directive "$name" elapsed-ms)" ]; then
        first=$why
        why=$(check "$name")
        if [ -z "$why" ]; then
            echo "retried $name: the first run failed ($first), the second passed"
            retried=$((retried + 1))
        fi
    fi
    if [ -z "$why" ]; then
        ok=$((ok + 1))
        if listed "$name"; then
            echo "ok $name"
        else
            echo "newly passing $name"
            newly=$((newly + 1))
        fi
        continue
    fi
    if listed "$name"; then
        echo "FAIL $name: $why"
        failed=$((failed + 1))
    else
        echo "todo $name: $why"
        todo=$((todo + 1))
    fi
    if [ "$verbose" = 1 ]; then
        echo "--- stdout"; head -c 2000 "$tmp/out" || true
        echo "--- stderr"; head -c 2000 "$tmp/err" || true
        echo "---"
    fi
done
# a listed program that is not in the corpus (a typo, a removed file) fails too
if [ "$all" = 0 ] && [ "$nargs" -eq 0 ] && [ "$shard_i" = 1 ]; then
    for p in $passing; do
        if [ ! -f "$dir/$p.go" ]; then
            echo "FAIL $p: listed in $dir/PASSING but $dir/$p.go does not exist"
            failed=$((failed + 1))
        fi
    done
fi
summary="$ok ok, $failed failed"
[ "$retried" -gt 0 ] && summary+=", $retried passed on a second run"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
if [ "$all" = 0 ]; then
    summary+=" ($todo not yet passing, not in PASSING; $newly newly passing"
    [ "$newly" -gt 0 ] && summary+=": add them to $dir/PASSING"
    summary+=")"
fi
echo "$summary"
[ "$failed" = 0 ]
