// What the calibrations (bpf/calibration/) run:
//   orch_calibration_target empty CALLS   an empty function in a timed loop (probed or not)
//   orch_calibration_target span CALLS    the same function with a span, as orch weaves it
// Prints "<loop ns> <process CPU ns>"; for spans the CPU time includes exporting
// them all (orch_flush), so it counts the exporter thread's work too.
// It also holds many small functions to measure attaching and detaching in bulk.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "orch/weave.h"

#define KEEP() asm volatile("" ::: "memory")

// nop, then ret: an entry probe and an exit probe on different instructions,
// as in any real function.
extern "C" __attribute__((noinline)) void empty_function() { asm volatile("nop"); }

// What the rewriter makes of empty_function under a `span` advice: a static
// site and a scoped span (rewriter/weave/span_weaver.cpp).
extern "C" __attribute__((noinline)) void spanned_function() {
  static ::orch_site site = {1u, 1u, "spanned_function", "spanned_function", __FILE__, __LINE__, 0u, ORCH_W_NULL,
                             ORCH_W_NULL};
  ::orch::weave::ScopedSpan span(&site);
  asm volatile("nop");
}

// many_0 .. many_511: targets for measuring attach and detach time.
#define MANY(n) extern "C" __attribute__((noinline, used)) int many_##n(int x) { KEEP(); return x + n; }
#define MANY8(n) MANY(n##0) MANY(n##1) MANY(n##2) MANY(n##3) MANY(n##4) MANY(n##5) MANY(n##6) MANY(n##7)
#define MANY64(n) MANY8(n##0) MANY8(n##1) MANY8(n##2) MANY8(n##3) MANY8(n##4) MANY8(n##5) MANY8(n##6) MANY8(n##7)
MANY64(1) MANY64(2) MANY64(3) MANY64(4) MANY64(5) MANY64(6) MANY64(7) MANY64(8)

namespace {

long long process_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

} // namespace

int main(int argc, char **argv) {
  bool spans = argc > 1 && !std::strcmp(argv[1], "span");
  long calls = argc > 2 ? std::atol(argv[2]) : 1000000;
  void (*function)() = spans ? spanned_function : empty_function;
  if (spans)
    function(); // loads the runtime and starts its exporter outside the measurement
  long long cpu_start = process_cpu_ns();
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < calls; i++)
    function();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
  if (spans && !orch_flush(60000))
    std::fprintf(stderr, "orch_calibration_target: not every span was exported\n");
  std::printf("%lld %lld\n", static_cast<long long>(ns), process_cpu_ns() - cpu_start);
  return 0;
}
