#!/usr/bin/env bash
# The runtime's parts depend in one direction:
#   abi/ -> core/ -> metrics/, export/ -> config/
# and all of them on the shared files at the top of src/ (clock, demangle,
# span_data.h, metric_data.h, ...). core/ runs the metrics and the exporters
# (per-thread site cells, the collector, the Exporter interfaces, the HTTP
# transport it prepares); metrics/ and export/ never include core/.
# check-layers.sh RUNTIME_SRC_DIR
set -euo pipefail
src=$1
# Each part and the parts it must not include.
declare -A forbidden=(
  [config]="abi core metrics export"
  [export]="abi core metrics"
  [metrics]="abi core export"
  [core]="abi"
)
status=0
for part in "${!forbidden[@]}"; do
  for above in ${forbidden[$part]}; do
    if grep -rn "#include \"$above/" "$src/$part"; then
      echo "$part/ includes $above/ (above): $part must not depend on $above" >&2
      status=1
    fi
  done
done
[ "$status" = 0 ] && echo "the runtime's parts include each other in one direction"
exit "$status"
