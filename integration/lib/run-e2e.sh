#!/usr/bin/env bash
# End-to-end test of the launcher on one CMake project:
#   run-e2e.sh PROJECT_DIR PROGRAM ORCH GENERATOR CXX CC WORKDIR
# builds PROJECT_DIR plainly and through orch (with GENERATOR, CXX, CC), checks
# that orch printed nothing, that PROGRAM (a target of the project, run without
# arguments) prints the same and exits the same in both builds, and that the
# spans the orch build exports to the OTLP receiver (the OpenTelemetry project's
# decoder) are exactly PROJECT_DIR/expected-trace.json (see check-trace.js).
# Then the metrics: each function's call and error counts equal its spans,
# sampled in (cumulative, protobuf) and with no span sampled at all (delta,
# JSON), where the program must still behave as the plain build.
set -euo pipefail
project=$1 program=$2 orch=$3 generator=$4 cxx=$5 cc=$6 work=$7
source "$(dirname "$0")/e2e.sh"
rm -rf "$work" && mkdir -p "$work"

# (CMake notes C settings a C++-only project does not use in the configure log.)
cmake_build "$project" "$work/plain" "$generator" "$cxx" -DCMAKE_C_COMPILER="$cc"
cmake_build "$project" "$work/orch" "$generator" "$cxx" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$orch" -DCMAKE_C_COMPILER_LAUNCHER="$orch"
no_orch_warnings "$work/orch.build.log"

run_captured "$work/plain" "$work/plain/$program"
traced_run "$work/orch" "$work/orch/$program"
same_behaviour "$work/plain" "$work/orch"
check_trace "$project/expected-trace.json" "$work/orch.jsonl"
check_metrics "$work/orch.jsonl" "$work/orch.metrics.jsonl" exact

OTEL_TRACES_SAMPLER=always_off OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=delta \
  OTEL_EXPORTER_OTLP_PROTOCOL=http/json traced_run "$work/unsampled" "$work/orch/$program"
same_behaviour "$work/plain" "$work/unsampled"
[ ! -s "$work/unsampled.jsonl" ] || { echo "FAIL: spans exported with OTEL_TRACES_SAMPLER=always_off"; exit 1; }
check_metrics "$work/orch.jsonl" "$work/unsampled.metrics.jsonl" estimated
