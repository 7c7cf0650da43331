#!/usr/bin/env bash
# Benchmark (not a test; not in ctest): `orch verify` at scale, on leveldb's db_bench with every
# function of namespace leveldb instrumented (the catch-all aspect of catch-all-budget.sh).
#
#   sudo integration/real-projects/verify-leveldb.sh
#
# Environment: WORKDIR (default /tmp/orch-verify-leveldb), ORCH (default: build/bin/orch of this
# checkout), NUM (db_bench --num, default 10000), RUNS (orch verify --runs, default 5).
#
# The sources and both builds (plain and through orch) are catch-all-budget.sh's, made in WORKDIR
# by running it once with MODES=plain RUNS=1 when they are missing. Then `orch verify` runs
# `db_bench --benchmarks=fillseq,readrandom --num=NUM` under /usr/bin/time -v, with TMPDIR a
# directory of its own whose size is sampled every 0.2 s. Prints the report, the wall time and
# max RSS of orch verify, and the peak size of its TMPDIR; the JSON and HTML reports are
# WORKDIR/verify.json and WORKDIR/verify.html. Exits with orch verify's status.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${WORKDIR:-${TMPDIR:-/tmp}/orch-verify-leveldb}
orch=${ORCH:-$here/../../build/bin/orch}
num=${NUM:-10000} runs=${RUNS:-5}
mkdir -p "$work" && work=$(cd "$work" && pwd)
if [ ! -x "$work/plain/db_bench" ] || [ ! -x "$work/orch/db_bench" ]; then
  WORKDIR=$work ORCH=$orch MODES=plain RUNS=1 NUM=1000 bash "$here/catch-all-budget.sh" || exit
fi

rm -rf "$work/db" "$work/tmp" && mkdir "$work/tmp"
(while :; do du -sb "$work/tmp" | cut -f1; sleep 0.2; done) >"$work/tmp-sizes" 2>/dev/null &
sampler=$!
TMPDIR=$work/tmp /usr/bin/time -v -o "$work/verify.time" "$orch" verify --plain "$work/plain/db_bench" \
  --instrumented "$work/orch/db_bench" --runs "$runs" --json "$work/verify.json" --html "$work/verify.html" \
  -- --benchmarks=fillseq,readrandom --num="$num" --db="$work/db"
status=$?
kill "$sampler"
grep -E "Elapsed|Maximum resident" "$work/verify.time"
echo "peak size of orch verify's TMPDIR (sampled every 0.2 s): $(sort -n "$work/tmp-sizes" | tail -1) bytes"
exit "$status"
