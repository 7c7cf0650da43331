#!/usr/bin/env bash
# check-tree.sh COMPILER SOURCE OUTPUT [FLAGS...]
# Compiles SOURCE through orch (ORCH_STRICT=1), links it, runs it with the file
# exporter and prints the program's stdout, then its spans as one tree per trace
# (integration/lib/span-tree.py): spans ended on other threads are exported in
# other batches, which the console exporter prints apart.
set -euo pipefail
compiler=$1 source=$2 out=$3
shift 3
ORCH_STRICT=1 orch "$compiler" "$@" -c "$source" -o "$out.o"
"$compiler" "$out.o" -o "$out" -pthread
rm -f "$out.spans"
OTEL_TRACES_EXPORTER=file ORCH_FILE_EXPORTER_PATH="$out.spans" "$out"
python3 "$(dirname "$0")/../../../integration/lib/span-tree.py" "$out.spans"
