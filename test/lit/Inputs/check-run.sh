#!/usr/bin/env bash
# check-run.sh COMPILER SOURCE OUTPUT [FLAGS...]
# Compiles SOURCE through orch (ORCH_STRICT=1: a rewrite that fails to compile
# fails the test), links it, runs it with the console exporter and prints the
# program's stdout and stderr (spans) together.
set -euo pipefail
compiler=$1 source=$2 out=$3
shift 3
ORCH_STRICT=1 orch "$compiler" "$@" -c "$source" -o "$out.o"
"$compiler" "$out.o" -o "$out" -pthread
OTEL_TRACES_EXPORTER=console "$out" 2>&1
