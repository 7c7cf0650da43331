#!/usr/bin/env bash
# drive.sh WORKDIR (from run.sh, with PG_CONNINFO and REDIS_PORT set): starts
# the receiver, inventory and frontend, sends the requests, stops everything
# and checks the answers and the spans.
set -euo pipefail
work=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/e2e.sh"

receiver_start "$work/spans.jsonl" "$work/receiver.log"
pids=()
trap 'kill "${pids[@]}" "$RECEIVER_PID" 2>/dev/null || true' EXIT
# start NAME ARGS...: runs a service in the background; sets PORT to the port it prints.
start() {
  local name=$1; shift
  OTEL_SERVICE_NAME=$name OTEL_EXPORTER_OTLP_ENDPOINT=$RECEIVER_ENDPOINT \
    "$work/build/$name" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/$name.out" ] && break; sleep 0.05; done
  PORT=$(head -1 "$work/$name.out")
  [ -n "$PORT" ] || { echo "FAIL: $name did not start"; cat "$work/$name.err"; exit 1; }
}
start inventory "$PG_CONNINFO" "$work/audit.db"
inventory_pid=${pids[-1]}
start frontend "http://127.0.0.1:$PORT" "$REDIS_PORT"
frontend=http://127.0.0.1:$PORT

ask() {  # ask PATH [curl args...]: prints "STATUS BODY"
  local path=$1; shift
  curl -s -o "$work/body" -w '%{http_code}' "$@" "$frontend$path"; echo " $(cat "$work/body")"
}
{
  ask /buy/1 -H "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
  ask /buy/1
  ask /buy/2
  ask /buy/9
  ask /buy/x
  kill "$inventory_pid"; wait "$inventory_pid" 2>/dev/null || true
  ask /buy/3
} >"$work/answers.txt"
kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true
pids=()
receiver_stop

diff -u - "$work/answers.txt" <<'ANSWERS' || { echo "FAIL: the services answered otherwise"; exit 1; }
200 bought towel
200 bought towel
409 lamp is out of stock
404 
502 
502 
ANSWERS
node "$E2E_LIB/check-trace.js" "$here/expected-trace.json" "$work/spans.jsonl"
