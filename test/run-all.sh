#!/usr/bin/env bash
# The README's second command: (re)build and run every test through ctest:
# rewriter lit tests, googletest units, runtime tests, end-to-end integration.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || bash integration/setup.sh
cmake --build build
ctest --test-dir build --output-on-failure -j2 "$@"
