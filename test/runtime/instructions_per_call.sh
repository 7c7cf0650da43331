#!/bin/sh
# Instructions per traced call (span start, two attributes, span end, and the
# traced function itself), counted by callgrind: unlike a timing, the count is
# the same however busy the machine is, so two runtime builds compare exactly.
#
#   test/runtime/instructions_per_call.sh [LIBDIR...]
#
# Each LIBDIR (default: build/lib) is put first on LD_LIBRARY_PATH under the
# same bench_span binary (BENCH, default build/bin/bench_span).
set -eu
bench=${BENCH:-build/bin/bench_span}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
[ $# -gt 0 ] || set -- build/lib
for libdir in "$@"; do
  LD_LIBRARY_PATH=$libdir valgrind --tool=callgrind --callgrind-out-file="$out" "$bench" \
    --benchmark_filter='BM_TracedBursts' --benchmark_min_time=0.05 >/dev/null 2>&1
  # The caller's line for traced_call: "<inclusive Ir> (...) => ...traced_call(long, long) (<calls>x)".
  callgrind_annotate --inclusive=yes "$out" | grep -E '=> .*traced_call\(long, long\) \(' | head -n 1 |
    sed -E 's/^ *([0-9,]+) .*\(([0-9,]+)x\)$/\1 \2/; s/,//g' |
    awk -v lib="$libdir" '{ printf "%s: %.0f instructions per traced call (%d calls)\n", lib, $1 / $2, $2 }'
done
