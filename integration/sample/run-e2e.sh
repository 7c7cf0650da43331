#!/usr/bin/env bash
# End-to-end test of the launcher on integration/sample:
#   run-e2e.sh ORCH GENERATOR CXX CC WORKDIR
# builds the sample plainly and through orch (with GENERATOR, CXX, CC), checks
# that both print the same and exit the same, and that the spans the orch build
# exports to the OTLP receiver (the OpenTelemetry project's decoder) are exactly
# expected-trace.json: names, counts, parents, statuses, exception events.
set -euo pipefail
orch=$1 generator=$2 cxx=$3 cc=$4 work=$5
here=$(cd "$(dirname "$0")" && pwd)
receiver_dir=$(cd "$here/../otlp-receiver" && pwd)
rm -rf "$work" && mkdir -p "$work"

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S "$here" -B "$dir" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" "$@" >"$dir.configure.log"
  cmake --build "$dir" -j2 >"$dir.build.log" 2>&1 || { cat "$dir.build.log"; return 1; }
}
build "$work/plain"
build "$work/orch" -DCMAKE_CXX_COMPILER_LAUNCHER="$orch" -DCMAKE_C_COMPILER_LAUNCHER="$orch"
if grep -q "orch: " "$work/orch.build.log"; then
  echo "FAIL: orch printed warnings while building the sample:"; grep "orch: " "$work/orch.build.log"; exit 1
fi

set +e
"$work/plain/sample" >"$work/plain.out" 2>"$work/plain.err"; plain_status=$?
node "$receiver_dir/receiver.js" --out "$work/requests.jsonl" --port 0 >"$work/receiver.log" 2>&1 &
receiver=$!
set -e
trap 'kill $receiver 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$work/receiver.log" && break; sleep 0.1; done
port=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$work/receiver.log")
[ -n "$port" ] || { echo "FAIL: the receiver did not start"; cat "$work/receiver.log"; exit 1; }

set +e
OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$port" "$work/orch/sample" >"$work/orch.out" 2>"$work/orch.err"
orch_status=$?
set -e
kill $receiver; wait $receiver 2>/dev/null || true

diff -u "$work/plain.out" "$work/orch.out" || { echo "FAIL: output differs from the plain build"; exit 1; }
[ "$plain_status" = "$orch_status" ] || { echo "FAIL: exit status $orch_status, plain $plain_status"; exit 1; }
diff -u "$work/plain.err" "$work/orch.err" || { echo "FAIL: stderr differs from the plain build"; exit 1; }
node "$here/check-trace.js" "$here/expected-trace.json" "$work/requests.jsonl"
