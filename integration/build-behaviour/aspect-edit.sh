#!/usr/bin/env bash
# Editing aspects rebuilds what they can affect:
#   aspect-edit.sh ORCH GENERATOR CXX WORKDIR
# on a copy of integration/service built through orch: editing an aspect file
# that orch.yaml includes (aspects/storage.yaml), then adding an aspect to
# orch.yaml that matches a function of a unit nothing instrumented so far
# (kvs::shard_of in src/shard.cpp), must each recompile every unit under
# orch.yaml (any unit may hold a function the edited aspects match), and the
# new aspect must reach the program (orch manifest lists kvs::shard_of).
set -euo pipefail
orch=$1 generator=$2 cxx=$3 work=$4
source "$(dirname "$0")/builds.sh"
new_workdir "$work"

cmake_build "$src" "$work/orch" "$generator" "$cxx" -DCMAKE_CXX_COMPILER_LAUNCHER="$orch"
all=$(all_objects "$work/orch")

echo "# edited" >>"$src/aspects/storage.yaml"
rebuild "$work/orch" "$work/edit-included.log"
expect_objects "aspects/storage.yaml edited" "$all" "$(built_objects "$work/edit-included.log")"

cat >>"$src/orch.yaml" <<'YAML'
  - id: sharding
    join-point: { function-body: { qualified-name: "kvs::shard_of" } }
    advice: [ { span: {} } ]
YAML
rebuild "$work/orch" "$work/add-aspect.log"
expect_objects "aspect added to orch.yaml" "$all" "$(built_objects "$work/add-aspect.log")"
"$orch" manifest "$work/orch/kvs" | grep '"function":"kvs::shard_of"' \
  || { echo "FAIL: kvs::shard_of is not in the program's manifest"; exit 1; }
