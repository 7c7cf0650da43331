#!/usr/bin/env bash
# Two services, one trace: integration/services built through orch with nothing
# but built-in integrations in orch.yaml, run as two processes against a real
# PostgreSQL and a real Redis (throwaway servers on free loopback ports), and
# driven by curl's command-line tool (drive.sh); their spans, received by the
# OTLP test receiver (the OpenTelemetry project's decoder), must be exactly
# expected-trace.json.
#   run.sh ORCH CXX WORKDIR
set -euo pipefail
orch=$1 cxx=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/e2e.sh"
rm -rf "$work" && mkdir -p "$work"

cmake_build "$here" "$work/build" Ninja "$cxx" -DCMAKE_CXX_COMPILER_LAUNCHER="$orch"
no_orch_warnings "$work/build.build.log"
bash "$E2E_LIB/with-postgres.sh" bash "$E2E_LIB/with-redis.sh" bash "$here/drive.sh" "$work"
