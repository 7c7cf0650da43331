# Shell functions shared by the end-to-end scripts (source it): building a CMake
# project plainly or through orch, the OTLP test receiver, running a program and
# comparing two runs. Callers use `set -euo pipefail`.
E2E_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# cmake_build SOURCE_DIR BUILD_DIR GENERATOR CXX [cmake args...]
# Configures and builds with -j2; the logs are BUILD_DIR.configure.log and
# BUILD_DIR.build.log (printed when the build fails).
cmake_build() {
  local src=$1 dir=$2 generator=$3 cxx=$4; shift 4
  cmake -S "$src" -B "$dir" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" "$@" \
    >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; return 1; }
  cmake --build "$dir" -j2 >"$dir.build.log" 2>&1 || { cat "$dir.build.log"; return 1; }
}

# no_orch_warnings BUILD_LOG: fails when orch printed anything while building.
no_orch_warnings() {
  if grep -q "orch: " "$1"; then
    echo "FAIL: orch printed warnings while building:"; grep "orch: " "$1"; return 1
  fi
}

# receiver_start OUT.jsonl LOG: starts the OTLP test receiver (the OpenTelemetry
# project's decoder) on a free port, spans to OUT.jsonl and metrics to
# OUT.metrics.jsonl; sets RECEIVER_PID and RECEIVER_ENDPOINT.
receiver_start() {
  local out=$1 log=$2
  : >"$log"
  node "$E2E_LIB/../otlp-receiver/receiver.js" --out "$out" --metrics-out "${out%.jsonl}.metrics.jsonl" --port 0 \
    >"$log" 2>&1 &
  RECEIVER_PID=$!
  trap 'kill $RECEIVER_PID 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
  local port
  port=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$log")
  [ -n "$port" ] || { echo "FAIL: the receiver did not start"; cat "$log"; return 1; }
  RECEIVER_ENDPOINT="http://127.0.0.1:$port"
}

receiver_stop() {
  kill "$RECEIVER_PID"; wait "$RECEIVER_PID" 2>/dev/null || true
  trap - EXIT
}

# run_captured PREFIX COMMAND...: PREFIX.out, PREFIX.err and PREFIX.status.
run_captured() {
  local prefix=$1; shift
  local status=0
  "$@" >"$prefix.out" 2>"$prefix.err" || status=$?
  echo "$status" >"$prefix.status"
}

# same_behaviour PLAIN_PREFIX ORCH_PREFIX: stdout, stderr and exit status identical.
same_behaviour() {
  local plain=$1 orch=$2
  diff -u "$plain.out" "$orch.out" || { echo "FAIL: output differs from the plain build"; return 1; }
  diff -u "$plain.status" "$orch.status" || { echo "FAIL: exit status differs from the plain build"; return 1; }
  diff -u "$plain.err" "$orch.err" || { echo "FAIL: stderr differs from the plain build"; return 1; }
}

# traced_run PREFIX PROGRAM [ARGS...]: runs PROGRAM exporting to a fresh receiver:
# PREFIX.out, .err, .status, and the received requests in PREFIX.jsonl.
traced_run() {
  local prefix=$1; shift
  : >"$prefix.jsonl"
  receiver_start "$prefix.jsonl" "$prefix.receiver.log"
  OTEL_EXPORTER_OTLP_ENDPOINT=$RECEIVER_ENDPOINT run_captured "$prefix" "$@"
  receiver_stop
}

# check_trace EXPECTED.json REQUESTS.jsonl: see check-trace.js.
check_trace() { node "$E2E_LIB/check-trace.js" "$@"; }

# check_metrics SPANS.jsonl METRICS.jsonl exact|estimated: see check-metrics.js.
check_metrics() { node "$E2E_LIB/check-metrics.js" "$@"; }
