#!/usr/bin/env bash
# fuzz.sh - runs every Go fuzz target of libpact (core/... and conformance/reliability) for FUZZTIME each, one
# at a time on one core (GOMAXPROCS=1, -parallel 1), and appends one line per target to $FUZZLOG:
#   <utc time> <package> <target> <seconds> ok|FAIL
# A failing target leaves its crasher in the package's testdata/fuzz/ (go test's own behaviour) and the run
# goes on with the next target. Usage: FUZZTIME=10m bash conformance/reliability/fuzz.sh [target-regexp]
set -u
cd "$(dirname "$0")/../.."
FUZZTIME=${FUZZTIME:-10m}
FUZZLOG=${FUZZLOG:-/tmp/libpact-fuzz.log}
only=${1:-.}
status=0
for pkg in $(go list ./core/... ./conformance/reliability/...); do
  for t in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' | grep -E "$only"); do
    start=$(date +%s)
    out=$(GOMAXPROCS=1 nice -n 10 go test -run '^$' -fuzz "^$t\$" -fuzztime "$FUZZTIME" -parallel 1 "$pkg" 2>&1)
    rc=$?
    secs=$(( $(date +%s) - start ))
    if [ $rc -eq 0 ]; then res=ok; else res=FAIL; status=1; echo "$out" | tail -30 >>"$FUZZLOG.fail"; fi
    echo "$(date -u +%FT%TZ) $pkg $t $secs $res" | tee -a "$FUZZLOG"
  done
done
exit $status
