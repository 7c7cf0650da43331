#!/usr/bin/env bash
# The README's first command: set up, build orch, build the bundled service
# (integration/service: worker threads, a request queue, a cached store, error
# paths) through the launcher, run it, and print its trace from the runtime's
# file exporter and its RED metrics from the console metric exporter (no
# collector needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash integration/setup.sh

orch="$PWD/build/bin/orch"
cmake -S integration/service -B build/service-orch -G Ninja \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$orch" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
cmake --build build/service-orch

echo "== orch explain: why each function of one unit is (not) instrumented =="
"$orch" explain -p build/service-orch integration/service/src/storage/kv_store.cpp
echo "== orch manifest: every function instrumented in the program (aspect, function) =="
"$orch" manifest build/service-orch/kvs | sed 's/.*"function":"\([^"]*\)".*"aspect":"\([^"]*\)".*/  \2\t\1/'
echo "== the service, traced: its replies, then its spans as one tree per trace =="
# The file exporter, then one tree per trace: the console exporter prints each
# export batch apart, and the worker threads' spans arrive in batches of their own.
rm -f build/demo-spans.jsonl
OTEL_TRACES_EXPORTER=file ORCH_FILE_EXPORTER_PATH=build/demo-spans.jsonl OTEL_METRICS_EXPORTER=console \
  build/service-orch/kvs 2>build/demo-metrics.txt
python3 integration/lib/span-tree.py --durations build/demo-spans.jsonl
echo "== its metrics: every call counted and timed, sampled or not (errors and durations; code.* attributes left out) =="
sed -n '/^orch.function.errors/,$p' build/demo-metrics.txt | sed -E 's/ code\.[a-z.]+=("[^"]*"|[0-9]+)//g'

