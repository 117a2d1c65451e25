#!/usr/bin/env bash
# scenarios_go.sh POOLSCOPE DIR - every built-in Go scenario (DIR/*.go) runs under
# `poolscope --headless` as its `go build` binary runs (Go 1.19, errgroup through GOPATH): the same exit status; the same stdout byte for
# byte, or (`// poolscope: lines-unordered`) the same lines in any order with their numbers
# masked (which worker takes which job, which value a racing print sees: both vary in Go), or (`// poolscope: output-varies`,
# the race) as many lines; on a failure the same first stderr line, less goroutine numbers.
# Each file must also start with its title: a `// ` comment line before `package`.
# Without go (golang-go) the poolscope side still runs and must exit 0 (2 for deadlock.go).
# With a third argument I/N only every Nth file from the Ith runs (meson runs the shards
# side by side).
set -uo pipefail
bin=$1
dir=$2
shard=${3:-1/1}
si=${shard%/*} sn=${shard#*/}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS=-trimpath GOCACHE=$tmp/go-cache HOME=${HOME:-$tmp}
have_go=0
command -v go >/dev/null && [ -d "$GOPATH/src/golang.org/x/sync/errgroup" ] && have_go=1
[ "$have_go" = 1 ] || echo "note: no go with golang-golang-x-sync-dev: poolscope's side only"
fail=0
directive() { awk -v k="$2" '/^package /{exit} $1=="//" && $2=="poolscope:" && $3==k {print "yes"; exit}' "$1"; }
mask() { sed -E 's/-?[0-9]+/#/g' "$1" | LC_ALL=C sort; }
run() { # run NAME OUTDIR CMD...
    local d=$tmp/$2/$1
    mkdir -p "$d"
    shift 2
    timeout 60 "$@" </dev/null >"$d/out" 2>"$d/err"
    echo $? >"$d/code"
}
k=0
for f in "$dir"/*.go; do
    k=$((k + 1))
    [ $(((k - 1) % sn + 1)) = "$si" ] || continue
    name=$(basename "$f" .go)
    if ! head -1 "$f" | grep -qE '^// [^ ]'; then
        echo "FAIL $name: no title comment on line 1"
        fail=1
        continue
    fi
    run "$name" ps "$bin" --headless "$f" &
    # a built binary, not go run: go run answers 1 for any failing program
    if [ "$have_go" = 1 ]; then
        (go build -o "$tmp/$name.bin" "$f" >"$tmp/$name.build" 2>&1 &&
            run "$name" go "$tmp/$name.bin") &
    fi
    wait
    p=$tmp/ps/$name g=$tmp/go/$name
    if [ "$have_go" = 0 ]; then
        want=0
        [ "$name" = deadlock ] && want=2
        if [ "$(cat "$p/code")" = "$want" ] && [ -s "$p/out" -o "$want" = 2 ]; then
            echo "ok $name (poolscope only: exit $want)"
        else
            echo "FAIL $name: exit $(cat "$p/code"), want $want"
            fail=1
        fi
        continue
    fi
    if [ ! -f "$g/code" ]; then
        echo "FAIL $name: go build failed: $(head -3 "$tmp/$name.build")"
        fail=1
        continue
    fi
    why=
    if [ "$(cat "$p/code")" != "$(cat "$g/code")" ]; then
        why="exit $(cat "$p/code"), go $(cat "$g/code")"
    elif [ -n "$(directive "$f" output-varies)" ]; then
        [ "$(wc -l <"$p/out")" = "$(wc -l <"$g/out")" ] || why="$(wc -l <"$p/out") lines, go $(wc -l <"$g/out")"
    elif [ -n "$(directive "$f" lines-unordered)" ]; then
        cmp -s <(mask "$p/out") <(mask "$g/out") || why="stdout lines differ (numbers masked)"
    else
        cmp -s "$p/out" "$g/out" || why="stdout differs"
    fi
    if [ -z "$why" ] && [ "$(cat "$g/code")" != 0 ]; then
        a=$(head -1 "$p/err" | sed -E 's/goroutine [0-9]+/goroutine N/')
        b=$(head -1 "$g/err" | sed -E 's/goroutine [0-9]+/goroutine N/')
        [ "$a" = "$b" ] || why="stderr '$a', go '$b'"
    fi
    if [ -n "$why" ]; then
        echo "FAIL $name: $why"
        fail=1
    else
        echo "ok $name: as Go (exit $(cat "$g/code"), $(wc -l <"$g/out") lines)"
    fi
done
exit $fail
