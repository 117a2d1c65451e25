#!/usr/bin/env bash
# run.sh TARGET SEED_DIR SECONDS [REGRESS_DIR] - first every past finding in
# REGRESS_DIR must pass, then a libFuzzer run of SECONDS (FUZZ_SECONDS in the
# environment overrides).  New inputs go to a scratch corpus, never into the
# seed corpus in the source tree; a crash is saved to FUZZ_ARTIFACTS (default
# fuzz-artifacts/TARGET in the build dir) and the run fails: copy it into REGRESS_DIR with the fix.
exe=$1; seeds=$2; secs=${FUZZ_SECONDS:-$3}; regress=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
past=$([ -n "$regress" ] && find "$regress" -type f ! -name '.*' 2>/dev/null)
if [ -n "$past" ]; then
    # shellcheck disable=SC2086
    "$exe" $past >"$work/past" 2>&1 || { tail -20 "$work/past"; echo "a past finding fails again"; exit 1; }
    echo "past findings: $(echo "$past" | wc -l) replayed, all pass"
fi
art=${FUZZ_ARTIFACTS:-$PWD/fuzz-artifacts/$(basename "$exe")}
mkdir -p "$art" "$work/corpus"
"$exe" -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$art/" "$work/corpus" "$seeds" 2>&1 | tail -14
st=${PIPESTATUS[0]}
echo "corpus: $(ls "$work/corpus" | wc -l) new inputs; findings: $(ls "$art" | wc -l) in $art"
exit "$st"
