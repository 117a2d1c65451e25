#!/usr/bin/env bash
# real-go.sh --headless PROGRAM.go - real Go standing in for poolscope, to check the
# corpus itself: `tests/go_conform.sh tests/go/real-go.sh --all` must pass but for
# the refusals poolscope makes and Go does not (net/http, generics). A program that
# does not compile exits 2 with Go's messages, less the `# command-line-arguments`
# header, as poolscope refuses it.
set -euo pipefail
[ "${1:-}" = --headless ] && shift
src=$1
export GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS=-trimpath
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src" "$tmp/"
if ! (cd "$tmp" && go build -o prog "./${src##*/}") 2>"$tmp/build.err"; then
    grep -v '^# ' "$tmp/build.err" >&2 || true
    exit 2
fi
set +e
"$tmp/prog"
code=$?
set -e
exit "$code"
