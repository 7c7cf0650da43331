#!/usr/bin/env bash
# The README's first command: set up, build orch, build the bundled sample
# (integration/sample) through the launcher, run it, and print its trace with
# the console exporter (no collector needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash integration/setup.sh

orch="$PWD/build/bin/orch"
cmake -S integration/sample -B build/sample-orch -G Ninja \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$orch" -DCMAKE_C_COMPILER_LAUNCHER="$orch" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
cmake --build build/sample-orch

echo "== orch explain (one unit) =="
"$orch" explain -p build/sample-orch integration/sample/src/settings.cpp
echo "== the sample, traced (OTEL_TRACES_EXPORTER=console: spans on stderr) =="
OTEL_TRACES_EXPORTER=console build/sample-orch/sample
