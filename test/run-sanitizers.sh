#!/usr/bin/env bash
# CI's sanitizer stage (.ci/run, after run-all.sh). Three builds of their own:
#   build-asan-rewriter  orch and the rewriter's units under ASan+UBSan
#                        (ORCH_SANITIZE_REWRITER): lit and the rewriter's units.
#                        The runtime stays plain there: lit's programs, which are
#                        not sanitized, load it.
#   build-asan           the runtime and its units under ASan+UBSan (ORCH_SANITIZE)
#   build-tsan           the same under TSan
# The rewriter runs on one thread: it gets no TSan build.
# Every finding aborts the test that met it, so a finding fails the stage.
# Then the fuzz stage: test/run-fuzzers.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# The unit tests linked with the sanitized runtime or exporter sources.
runtime_units=(runtime_tests weave_preload_tests with_context_cxx20_tests with_context_cxx11_tests
               ctx_bundle_tests otlp_tests bench_throughput)

# allow_user_poisoning=0: a known false positive of orch under ASan, not a
# finding. LLVM's headers poison the slabs of BumpPtrAllocator when the unit
# that inlines them is built with ASan (llvm/Support/Compiler.h,
# LLVM_ADDRESS_SANITIZER_BUILD), but Debian's libclang-cpp is not: memory it
# hands out from such a slab stays poisoned, and orch reading an AST node there
# is reported as use-after-poison (seen on mutants of lit/semantics.cpp in
# clang::VarTemplateDecl::specializations(); the plain orch rewrites them, and
# orch under ASan too with this option). orch and the runtime poison nothing
# themselves, so the option only silences LLVM's annotations.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:allow_user_poisoning=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

stage() {  # stage NAME BUILD_DIR CMAKE_OPTIONS... -- TARGETS... -- CTEST_ARGS...
  local name=$1 dir=$2 start=$SECONDS
  shift 2
  local options=() targets=()
  while [ "$1" != -- ]; do options+=("$1"); shift; done; shift
  while [ "$1" != -- ]; do targets+=("$1"); shift; done; shift
  echo "== $name: $dir"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORCH_BUILD_BPF=OFF "${options[@]}" >/dev/null
  cmake --build "$dir" -j2 --target "${targets[@]}"
  ctest --test-dir "$dir" --output-on-failure -j2 "$@"
  echo "== $name: $((SECONDS - start)) s"
}

stage "ASan+UBSan, rewriter" build-asan-rewriter -DORCH_SANITIZE_REWRITER=address -- \
  orch orch_runtime rewriter_unit_tests -- -L rewriter
stage "ASan+UBSan, runtime" build-asan -DORCH_BUILD_REWRITER=OFF -DORCH_SANITIZE=address -- \
  "${runtime_units[@]}" -- -L unit
stage "TSan, runtime" build-tsan -DORCH_BUILD_REWRITER=OFF -DORCH_SANITIZE=thread -- \
  "${runtime_units[@]}" -- -L unit

bash test/run-fuzzers.sh
