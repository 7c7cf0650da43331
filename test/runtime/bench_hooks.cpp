// The same call as bench_span's plain_call, measured under the compiler's own
// function hooks, for comparison with orch (docs/benchmarks.md, ## Runtime):
//
//   -finstrument-functions (g++): every call runs empty
//     __cyg_profile_func_enter/exit hooks (defined below, not instrumented).
//   -fxray-instrument (clang-19): the XRay sleds are patched at start-up and
//     call an empty handler.
//
// Targets bench_hooks_finstr (the project's compiler) and bench_hooks_xray
// (clang++-19, when it has XRay); see test/runtime/CMakeLists.txt.
#include <benchmark/benchmark.h>

#include <cstdint>

#if defined(ORCH_BENCH_XRAY)
#include <xray/xray_interface.h>
#endif

// Code that neither kind of hook may reach (g++ does not know the XRay attribute).
#if defined(__clang__)
#define NOT_HOOKED no_instrument_function, xray_never_instrument
#else
#define NOT_HOOKED no_instrument_function
#endif

extern "C" {
// noinline: a hook in a separate library cannot be inlined either.
__attribute__((no_instrument_function, noinline)) void __cyg_profile_func_enter(void *, void *) { asm volatile(""); }
__attribute__((no_instrument_function, noinline)) void __cyg_profile_func_exit(void *, void *) { asm volatile(""); }
}

namespace {

// Compiled with the hooks: the function under test.
__attribute__((noinline)) int64_t hooked_call(int64_t a, int64_t b) {
  asm volatile("" : "+r"(a), "+r"(b));
  return static_cast<int64_t>(static_cast<uint64_t>(a) * 31 + static_cast<uint64_t>(b));  // wraps, as bench_workload.h's
}

// Compiled without them: the baseline in the same run.
__attribute__((noinline, NOT_HOOKED)) int64_t plain_call(int64_t a, int64_t b) {
  asm volatile("" : "+r"(a), "+r"(b));
  return static_cast<int64_t>(static_cast<uint64_t>(a) * 31 + static_cast<uint64_t>(b));  // wraps, as bench_workload.h's
}

__attribute__((NOT_HOOKED)) void BM_Plain(benchmark::State &state) {
  int64_t x = 0;
  for (auto _ : state) x = plain_call(x, 7);
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_Plain);

__attribute__((NOT_HOOKED)) void BM_Hooked(benchmark::State &state) {
  int64_t x = 0;
  for (auto _ : state) x = hooked_call(x, 7);
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_Hooked);

#if defined(ORCH_BENCH_XRAY)
__attribute__((xray_never_instrument)) void empty_handler(int32_t, XRayEntryType) {}
#endif

}  // namespace

__attribute__((NOT_HOOKED)) int main(int argc, char **argv) {
#if defined(ORCH_BENCH_XRAY)
  __xray_set_handler(empty_handler);
  if (__xray_patch() != SUCCESS) return 2;
#endif
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
