#!/usr/bin/env bash
# The runtime's parts depend in one direction: core/ uses export/ (the
# Exporter interfaces, the factories of export/make_exporter.h, the HTTP
# transport it prepares), export/ never includes core/.
# check-layers.sh RUNTIME_SRC_DIR
set -euo pipefail
src=$1
if grep -rn '#include "core/' "$src/export"; then
  echo "export/ includes core/ (above): export must not depend on the runtime core" >&2
  exit 1
fi
echo "export/ does not include core/"
