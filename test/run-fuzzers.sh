#!/usr/bin/env bash
# CI's fuzz stage (called by test/run-sanitizers.sh): builds the libFuzzer
# targets of test/fuzz with clang-19 into build-fuzz (ORCH_FUZZ), runs every
# input of their corpora once (ctest -L fuzz), then fuzzes each target for
# FUZZ_SECONDS (default 60), and the launcher on mutated sources
# (test/fuzz/rewrite-mutants.py) as long. A crash, a hang (-timeout), an uncaught exception
# or a broken invariant fails the stage; the input is kept as
# build-fuzz/artifacts/TARGET-crash-... (add it to test/fuzz/corpus/TARGET
# with the fix). New inputs go to build-fuzz/corpus/TARGET, not the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=(trace_context_fuzzer otel_env_fuzzer otlp_response_fuzzer aspect_config_fuzzer)

start=$SECONDS
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORCH_BUILD_BPF=OFF -DORCH_FUZZ=ON \
      -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]}"
ctest --test-dir build-fuzz --output-on-failure -L fuzz
echo "== fuzz: build and corpora: $((SECONDS - start)) s"

mkdir -p build-fuzz/artifacts
for target in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$target"
  dict=(); [ -f "test/fuzz/$target.dict" ] && dict=(-dict="test/fuzz/$target.dict")
  echo "== fuzz: $target, $seconds s"
  # -timeout: an input that takes longer is a hang; -rss_limit_mb: memory bound.
  "build-fuzz/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" \
    -artifact_prefix="build-fuzz/artifacts/$target-" "build-fuzz/corpus/$target" "test/fuzz/corpus/$target" \
    2>&1 | grep -v '^#[0-9]' || { echo "== fuzz: $target failed"; exit 1; }
done

# The launcher on mutated lit inputs, with the ASan+UBSan orch of
# test/run-sanitizers.sh (ORCH overrides it).
orch=${ORCH:-build-asan-rewriter/bin/orch}
echo "== fuzz: rewrite-mutants with $orch, $seconds s"
python3 test/fuzz/rewrite-mutants.py --orch "$orch" --seconds "$seconds" --findings build-fuzz/artifacts/rewrite-mutants
echo "== fuzz: $((SECONDS - start)) s"
