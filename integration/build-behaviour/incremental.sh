#!/usr/bin/env bash
# Incremental builds through the launcher behave like plain ones:
#   incremental.sh ORCH GENERATOR CXX WORKDIR
# on a copy of integration/service, built plainly and through orch side by side:
# a full -j2 build compiles every unit; a second build compiles nothing;
# touching one source recompiles exactly that object; touching a header
# recompiles exactly the objects the plain build recompiles (depfiles name the
# original headers); removing orch.yaml recompiles every unit under it (each
# depfile names it, instrumented or not) into plain objects (no orch_manifest
# section, no weave symbols, same output as the plain build), and the build
# after that compiles nothing.
set -euo pipefail
orch=$1 generator=$2 cxx=$3 work=$4
source "$(dirname "$0")/builds.sh"
new_workdir "$work"

cmake_build "$src" "$work/plain" "$generator" "$cxx"
cmake_build "$src" "$work/orch" "$generator" "$cxx" -DCMAKE_CXX_COMPILER_LAUNCHER="$orch"
no_orch_warnings "$work/orch.build.log"
all=$(all_objects "$work/orch")
expect_objects "full build compiles every unit" "$all" "$(built_objects "$work/orch.build.log")"
[ "$(echo "$all" | wc -l)" = 10 ] || { echo "FAIL: expected the service's 10 objects, got: $all"; exit 1; }
instrumented=$(instrumented_objects "$work/orch")
[ "$(echo "$instrumented" | wc -l)" = 9 ] || { echo "FAIL: expected 9 instrumented objects (all but main.cpp), got: $instrumented"; exit 1; }

rebuild "$work/orch" "$work/noop.log"
expect_objects "second build" "" "$(built_objects "$work/noop.log")"

touch "$src/src/storage/lru_cache.cpp"
rebuild "$work/plain" "$work/plain-touch-source.log"
rebuild "$work/orch" "$work/touch-source.log"
expect_objects "touch src/storage/lru_cache.cpp" "CMakeFiles/kvs_storage.dir/src/storage/lru_cache.cpp.o" \
  "$(built_objects "$work/touch-source.log")"

touch "$src/src/storage/errors.h"
rebuild "$work/plain" "$work/plain-touch-header.log"
rebuild "$work/orch" "$work/touch-header.log"
plain_set=$(built_objects "$work/plain-touch-header.log")
[ "$(echo "$plain_set" | wc -l)" -ge 4 ] || { echo "FAIL: the plain build recompiled only: $plain_set"; exit 1; }
expect_objects "touch src/storage/errors.h (as the plain build)" "$plain_set" "$(built_objects "$work/touch-header.log")"

rm "$src/orch.yaml"
rebuild "$work/orch" "$work/no-config.log"
expect_objects "orch.yaml removed: every unit under it" "$all" "$(built_objects "$work/no-config.log")"
expect_objects "orch.yaml removed: objects with orch_manifest" "" "$(instrumented_objects "$work/orch")"
weave_symbols=$(nm "$work/orch/kvs" | grep -c "orch_w_\|orch5weave" || true)
[ "$weave_symbols" = 0 ] || { echo "FAIL: kvs still has $weave_symbols weave symbols"; exit 1; }
run_captured "$work/plain-run" "$work/plain/kvs"
run_captured "$work/orch-run" "$work/orch/kvs"
same_behaviour "$work/plain-run" "$work/orch-run"
rebuild "$work/orch" "$work/no-config-noop.log"
expect_objects "orch.yaml removed: second build" "" "$(built_objects "$work/no-config-noop.log")"
