#!/usr/bin/env bash
# Two services, one trace: integration/services built through orch with nothing
# but built-in integrations in orch.yaml, run as two processes exporting to the
# OTLP test receiver (the OpenTelemetry project's decoder), driven by curl's
# command-line tool; the spans must be exactly expected-trace.json.
#   run.sh ORCH CXX WORKDIR
set -euo pipefail
orch=$1 cxx=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/e2e.sh"
rm -rf "$work" && mkdir -p "$work"

cmake_build "$here" "$work/build" Ninja "$cxx" -DCMAKE_CXX_COMPILER_LAUNCHER="$orch"
no_orch_warnings "$work/build.build.log"

receiver_start "$work/spans.jsonl" "$work/receiver.log"
pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; kill "$RECEIVER_PID" 2>/dev/null || true; }
trap stop_all EXIT
# start NAME ARGS...: runs a service in the background; sets PORT to the port it prints.
start() {
  local name=$1; shift
  OTEL_SERVICE_NAME=$name OTEL_EXPORTER_OTLP_ENDPOINT=$RECEIVER_ENDPOINT OTEL_BSP_SCHEDULE_DELAY=100 \
    "$work/build/$name" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/$name.out" ] && break; sleep 0.05; done
  PORT=$(head -1 "$work/$name.out")
  [ -n "$PORT" ] || { echo "FAIL: $name did not start"; cat "$work/$name.err"; exit 1; }
}
start inventory "$work/inventory.db"
inventory_pid=${pids[-1]}
start frontend "http://127.0.0.1:$PORT"
frontend=http://127.0.0.1:$PORT

ask() {  # ask PATH [curl args...]: prints "STATUS BODY"
  local path=$1; shift
  curl -s -o "$work/body" -w '%{http_code}' "$@" "$frontend$path"; echo " $(cat "$work/body")"
}
{
  ask /buy/1 -H "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
  ask /buy/2
  ask /buy/9
  ask "/buy/x"
  kill "$inventory_pid"; wait "$inventory_pid" 2>/dev/null || true
  ask /buy/1
} >"$work/answers.txt"
kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true
pids=()
receiver_stop

diff -u - "$work/answers.txt" <<'ANSWERS' || { echo "FAIL: the services answered otherwise"; exit 1; }
200 bought towel
409 lamp is out of stock
404 
502 
502 
ANSWERS
node "$E2E_LIB/check-trace.js" "$here/expected-trace.json" "$work/spans.jsonl"
