#!/usr/bin/env bash
# The README's first command: set up, build orch, build the bundled service
# (integration/service: worker threads, a request queue, a cached store, error
# paths) through the launcher, run it, and print its trace with the console
# exporter (no collector needed).
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
echo "== the service, traced: replies on stdout, spans on stderr =="
# One export at exit (a long schedule delay), so that each trace prints whole.
OTEL_TRACES_EXPORTER=console OTEL_BSP_SCHEDULE_DELAY=60000 build/service-orch/kvs
