#!/usr/bin/env bash
# gen.sh [NAME...] - regenerate the expected outputs of the Go corpus with real Go.
#
# For every NAME.go here (or the NAMEs given): build it with Go 1.19 (Debian's
# golang-go; errgroup from golang-golang-x-sync-dev through GOPATH) and run the
# binary with no input; its stdout, stderr and exit status become NAME.out,
# NAME.err and NAME.code. A built binary, not `go run`, so the stderr has no
# `exit status N` line of go run's own.
# A refusal (NAME.expect exists: a program poolscope refuses) is not run: its
# .expect keeps its regex line, and its comment lines are rewritten with what Go
# says of the program (go vet, then go build, and the run if it builds); its
# NAME.code stays 2, poolscope's status for a refused program.
# Checks on the way: a program marked `// poolscope: elapsed-ms N` must have taken
# N ms +- (1% + 50 ms), and an output with a NAME.match must match it.
# Then `tests/go_conform.sh tests/go/real-go.sh --all` runs the corpus against
# real Go again (twice is a good idea): it shows outputs that vary from run to run.
set -euo pipefail
cd "$(dirname "$0")"
command -v go >/dev/null || { echo "gen.sh: needs go (apt-get install golang-go golang-golang-x-sync-dev)" >&2; exit 1; }
export GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS=-trimpath TZ=UTC
[ -d "$GOPATH/src/golang.org/x/sync/errgroup" ] ||
    { echo "gen.sh: needs golang-golang-x-sync-dev (errgroup)" >&2; exit 1; }

# NAME, NAME.go or any NAME.ext (so `gen.sh conc_*` works); each name once
names=()
seen=" "
for a in "$@"; do
    a=${a##*/}
    a=${a%%.*}
    [[ $seen == *" $a "* ]] && continue
    seen+="$a "
    names+=("$a")
done
if [ ${#names[@]} -eq 0 ]; then
    for f in *.go; do names+=("${f%.go}"); done
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
echo "gen.sh: $(go version)"

for name in "${names[@]}"; do
    src=$name.go
    if [ -f "$name.expect" ]; then
        re=$(grep -v '^#' "$name.expect" | grep -m1 . || true)
        {
            echo "# $src: poolscope refuses it. The first line of its stderr must match the"
            echo "# regex below (grep -E) and its exit status is $name.code (2)."
            echo "# What $(go version | cut -d' ' -f3) says of it (tests/go/gen.sh):"
            set +e
            vet=$(cd "$tmp" && cp "$OLDPWD/$src" . && go vet "./$src" 2>&1)
            vrc=$?
            build=$(cd "$tmp" && go build -o "$tmp/$name" "./$src" 2>&1)
            brc=$?
            set -e
            echo "#   go vet ./$src: exit $vrc"
            [ -n "$vet" ] && printf '%s\n' "$vet" | sed 's/^/#     /'
            echo "#   go build ./$src: exit $brc"
            [ -n "$build" ] && printf '%s\n' "$build" | sed 's/^/#     /'
            if [ "$brc" = 0 ]; then
                set +e
                (cd "$tmp" && "./$name" </dev/null >run.out 2>run.err)
                rrc=$?
                set -e
                echo "#   and the binary runs: exit $rrc, stdout:"
                sed 's/^/#     /' "$tmp/run.out"
                if [ -s "$tmp/run.err" ]; then echo "#   stderr:"; sed 's/^/#     /' "$tmp/run.err"; fi
            fi
            printf '%s\n' "$re"
        } >"$tmp/expect"
        mv "$tmp/expect" "$name.expect"
        echo 2 >"$name.code"
        rm -f "$name.out" "$name.err"
        echo "refusal  $name"
        continue
    fi
    if ! go build -o "$tmp/$name" "$src" 2>"$tmp/build.err"; then
        echo "gen.sh: $src does not build:" >&2
        cat "$tmp/build.err" >&2
        status=1
        continue
    fi
    start=$(date +%s%N)
    set +e
    (cd "$tmp" && timeout 60 "./$name" </dev/null >"$OLDPWD/$name.out" 2>"$OLDPWD/$name.err")
    code=$?
    set -e
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    echo "$code" >"$name.code"
    note=""
    want=$(awk '/^package /{exit} $1=="//" && $2=="poolscope:" && $3=="elapsed-ms"{print $4; exit}' "$src")
    if [ -n "$want" ]; then
        note=" ${ms} ms (marked $want)"
        d=$((ms - want))
        if [ ${d#-} -gt $((want / 100 + 50)) ]; then
            echo "gen.sh: $src took $ms ms but is marked elapsed-ms $want" >&2
            status=1
        fi
    fi
    if [ -f "$name.match" ]; then
        unordered=$(awk '/^package /{exit} $1=="//" && $2=="poolscope:" && $3=="lines-unordered"{print 1; exit}' "$src")
        if ! why=$(awk -v R="$name.match" -v unordered="$unordered" -f match.awk "$name.out"); then
            echo "gen.sh: $name.out does not match $name.match: $why" >&2
            status=1
        fi
    fi
    printf 'exit %-3s %s%s\n' "$code" "$name" "$note"
done
exit $status
