#!/usr/bin/env bash
# run.sh TARGET SEED_DIR SECONDS - a short libFuzzer run; new inputs go to a
# scratch corpus in the build dir, never into the seed corpus in the source tree.
exe=$1; seeds=$2; secs=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$exe" -max_total_time="$secs" -print_final_stats=1 -timeout=10 "$work" "$seeds" 2>&1 | tail -12
exit "${PIPESTATUS:-0}"
