#!/usr/bin/env bash
# compile_commands.json is unaffected by the launcher:
#   compile-commands.sh ORCH GENERATOR CXX WORKDIR
# configures integration/service plainly and through orch with
# CMAKE_EXPORT_COMPILE_COMMANDS; CMake leaves compiler launchers out of
# compile_commands.json, so both files must be identical once each build
# directory's path is replaced by BUILD, list all 10 units, and never name orch.
set -euo pipefail
orch=$1 generator=$2 cxx=$3 work=$4
service=$(cd "$(dirname "$0")/../service" && pwd)
rm -rf "$work" && mkdir -p "$work"

for build in plain orch; do
  launcher=()
  [ $build = orch ] && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER="$orch")
  cmake -S "$service" -B "$work/$build" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "${launcher[@]}" >"$work/$build.configure.log"
  sed "s|$work/$build|BUILD|g" "$work/$build/compile_commands.json" >"$work/$build.json"
done
grep -q "COMPILER_LAUNCHER" "$work/orch/CMakeCache.txt" || { echo "FAIL: the launcher was not configured"; exit 1; }
diff -u "$work/plain.json" "$work/orch.json" || { echo "FAIL: compile_commands.json differs"; exit 1; }
units=$(grep -c '"file":' "$work/orch.json")
[ "$units" = 10 ] || { echo "FAIL: $units units in compile_commands.json, expected 10"; exit 1; }
if grep -nF "$orch" "$work/orch.json"; then echo "FAIL: compile_commands.json names the launcher"; exit 1; fi
echo "ok: compile_commands.json identical to the plain configure ($units units, no launcher)"
