#!/usr/bin/env bash
# ccache chained with the launcher, as CMAKE_CXX_COMPILER_LAUNCHER lists:
#   ccache.sh ORCH CXX ORDER WORKDIR      ORDER: orch-ccache | ccache-orch | ccache-prefix
# on a copy of integration/service, with a private, empty cache:
#   build A, then build B in a fresh directory, then the storage aspect is
#   dropped from orch.yaml and B is rebuilt (ccache-prefix: C, a fresh directory);
# every program built exports exactly the expected trace (or, after the edit,
# no storage spans), and the cache statistics of each build are asserted.
#   orch-ccache   "orch;ccache" with CCACHE_BASEDIR: orch rewrites, ccache caches
#                 the rewritten unit; B hits for every unit; after the edit the
#                 units whose rewrite changed miss, the others hit.
#   ccache-orch   "ccache;orch": ccache takes orch for the compiler and the real
#                 compiler for a second source file, so it never caches
#                 ("multiple_source_files"); builds are correct, none is faster.
#   ccache-prefix "ccache" with CCACHE_PREFIX=orch, the form that does cache with
#                 ccache first: ccache hashes the original source and never
#                 orch.yaml, so the KNOWN ISSUE it shows: after the edit, C gets
#                 the stale instrumented objects, and so does a plain ccache build.
set -euo pipefail
orch=$1 cxx=$2 order=$3 work=$4
source "$(dirname "$0")/builds.sh"
new_workdir "$work"
export CCACHE_DIR=$work/ccache CCACHE_CONFIGPATH=$work/ccache.conf
touch "$CCACHE_CONFIGPATH"
unset CCACHE_BASEDIR CCACHE_PREFIX CCACHE_DISABLE CCACHE_RECACHE CCACHE_DEPEND

case $order in
  orch-ccache) launcher="$orch;ccache"; export CCACHE_BASEDIR=$work ;;
  ccache-orch) launcher="ccache;$orch" ;;
  ccache-prefix) launcher="ccache"; export CCACHE_PREFIX=$orch ;;
  *) echo "unknown order $order"; exit 2 ;;
esac

# build_with_stats DIR: a full or incremental build with the launcher; prints the
# build's ccache counters as "hits misses uncacheable".
build_with_stats() {
  ccache --zero-stats >/dev/null
  if [ -f "$1/CMakeCache.txt" ]; then rebuild "$1" "$1.build.log"
  else cmake_build "$src" "$1" Ninja "$cxx" "-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher"; fi
  no_orch_warnings "$1.build.log"
  local stats; stats=$(ccache --print-stats)
  counter() { echo "$stats" | awk -v k="$1" '$1 == k { print $2 }'; }
  echo "$(($(counter direct_cache_hit) + $(counter preprocessed_cache_hit))) $(counter cache_miss)" \
       "$(counter multiple_source_files)"
}
expect_stats() {  # WHAT "hits misses uncacheable" ACTUAL
  [ "$2" = "$3" ] || { echo "FAIL: $1: ccache hits/misses/uncacheable $3, expected $2"; exit 1; }
  echo "ok: $1: ccache hits/misses/uncacheable $3"
}
spans_named() { grep -oF "\"name\":\"$2" "$1" | wc -l || true; }  # REQUESTS.jsonl NAME_PREFIX (grep fails on none)
expect_full_trace() {  # BUILD_DIR
  traced_run "$1.run" "$1/kvs"
  check_trace "$src/expected-trace.json" "$1.run.jsonl"
}
drop_storage_aspect() {
  grep -q "file: aspects/storage.yaml" "$src/orch.yaml"
  sed -i '/file: aspects\/storage.yaml/d' "$src/orch.yaml"
}
# two_builds STATS_A STATS_B: A with a cold cache, then B in a fresh directory;
# both programs export exactly the expected trace.
two_builds() {
  expect_stats "A (cold cache)" "$1" "$(build_with_stats "$work/A")"; expect_full_trace "$work/A"
  expect_stats "B (fresh directory)" "$2" "$(build_with_stats "$work/B")"; expect_full_trace "$work/B"
}
# rebuild_without_storage: drops the storage aspect and rebuilds B, which
# recompiles the N rewritten units (their depfiles list the aspect files). With
# orch;ccache the 3 storage units are now compiled unchanged (new to the cache)
# and the others are rewritten exactly as before (hits); with ccache;orch all N
# are uncacheable. The program serves its 18 requests and has no storage span.
rebuild_without_storage() {
  drop_storage_aspect
  local stats n requests storage
  stats=$(build_with_stats "$work/B")
  n=$(built_objects "$work/B.build.log" | wc -l)
  [ "$n" -ge 8 ] || { echo "FAIL: the edit recompiled $n units, expected at least the 8 rewritten ones"; exit 1; }
  case $order in
    orch-ccache) expect_stats "B after the edit ($n units)" "$((n - 3)) 3 0" "$stats" ;;
    ccache-orch) expect_stats "B after the edit ($n units)" "0 0 $n" "$stats" ;;
  esac
  traced_run "$work/B.edited" "$work/B/kvs"
  requests=$(spans_named "$work/B.edited.jsonl" "kvs.request") storage=$(spans_named "$work/B.edited.jsonl" "kvs::storage::")
  [ "$requests $storage" = "18 0" ] || { echo "FAIL: after the edit: $requests request spans, $storage storage spans"; exit 1; }
  echo "ok: after the edit: 18 request spans, no storage span"
}

case $order in
  orch-ccache) two_builds "0 10 0" "10 0 0"; rebuild_without_storage ;;
  ccache-orch) two_builds "0 0 10" "0 0 10"; rebuild_without_storage ;;
  ccache-prefix)
    two_builds "0 10 0" "10 0 0"
    drop_storage_aspect
    expect_stats "C (fresh directory, after the edit)" "10 0 0" "$(build_with_stats "$work/C")"
    echo "known issue: C still has the storage spans the edit removed:"
    expect_full_trace "$work/C"
    unset CCACHE_PREFIX; launcher=ccache
    expect_stats "D (plain ccache build)" "10 0 0" "$(build_with_stats "$work/D")"
    functions=$("$orch" manifest "$work/D/kvs" | wc -l)
    [ "$functions" -gt 0 ] || { echo "FAIL: the plain ccache build has no instrumented function"; exit 1; }
    echo "known issue: a plain ccache build got the instrumented objects ($functions functions)"
    ;;
esac
