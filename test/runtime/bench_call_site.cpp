// What call-site advice costs, against the same call without it, in one
// binary: this file is compiled through orch with bench_call_site.yaml, whose
// aspects match only the calls made from the woven_* functions; the plain_*
// functions make the same calls untouched. Spans are recorded and exported to
// /dev/null as OTLP/JSON (as bench_span does).
//   BM_Call*:    a span around a call of an out-of-line function (two integer
//                arguments recorded), vs the bare call.
//   BM_Handoff*: a task handed to an executor that runs it at once on the same
//                thread, with propagate-context (capture at the hand-over,
//                attach and detach around the run), vs the bare hand-over;
//                both under one open span.
#include <benchmark/benchmark.h>

#include <cstdlib>

namespace bench {

__attribute__((noinline)) int add(int a, int b) {
  asm volatile("");
  return a + b;
}

template <class F>
__attribute__((noinline)) void run_task(F &&task) {
  task();
}

}  // namespace bench

__attribute__((noinline)) int plain_call(int x) { return bench::add(x, 1); }
__attribute__((noinline)) int woven_call(int x) { return bench::add(x, 1); }

__attribute__((noinline)) void plain_handoff(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) bench::run_task([&x] { ++x; });
  benchmark::DoNotOptimize(x);
}
__attribute__((noinline)) void woven_handoff(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) bench::run_task([&x] { ++x; });
  benchmark::DoNotOptimize(x);
}

static void BM_CallPlain(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x = plain_call(x));
}
static void BM_CallSpan(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x = woven_call(x));
}
static void BM_HandoffPlain(benchmark::State &state) { plain_handoff(state); }
static void BM_HandoffPropagated(benchmark::State &state) { woven_handoff(state); }
BENCHMARK(BM_CallPlain);
BENCHMARK(BM_CallSpan);
BENCHMARK(BM_HandoffPlain);
BENCHMARK(BM_HandoffPropagated);

int main(int argc, char **argv) {
  setenv("OTEL_TRACES_EXPORTER", "file", 0);
  setenv("ORCH_FILE_EXPORTER_PATH", "/dev/null", 0);
  setenv("OTEL_BSP_MAX_QUEUE_SIZE", "16384", 0);
  setenv("ORCH_SITE_SPAN_LIMIT", "0", 0);  // every call a span: spans are what is measured
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
