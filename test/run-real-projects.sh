#!/usr/bin/env bash
# CI's real-project stage (.ci/run, after run-all.sh, which runs jsoncpp): the heavier projects
# of integration/real-projects, each built plainly and through orch with its own tests run in
# both builds. Enables them in ./build (-DORCH_REAL_PROJECTS_ALL=ON, which stays in its cache: a
# later run-all.sh runs them too) and runs ctest's label real-project-heavy; each prints its
# summary line (ctest -V). .ci/run sets ORCH_REAL_PROJECTS_REQUIRED=1: there, a project whose
# sources cannot be fetched fails instead of being skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
cmake -S . -B build -DORCH_REAL_PROJECTS_ALL=ON >/dev/null
cmake --build build --target orch orch_runtime
ctest --test-dir build --output-on-failure -V -L real-project-heavy "$@"
echo "== real projects: $((SECONDS - start)) s"
