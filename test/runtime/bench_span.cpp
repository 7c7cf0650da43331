// Hot path of liborch_runtime: the cost of an instrumented call over the
// same call uninstrumented, measured in the same process, interleaved.
//
//   bench_span --benchmark_repetitions=10 --benchmark_enable_random_interleaving=true
//
// By default the runtime samples everything and its exporter thread writes
// OTLP/JSON to /dev/null (OTEL_TRACES_EXPORTER=file), so every span is
// recorded, queued, drained, encoded and written. Set OTEL_TRACES_SAMPLER
// (e.g. always_off) in the environment to measure other configurations.
//
// Exporting a span costs the exporter thread several times what recording it
// costs the caller, so a loop of back-to-back spans outruns any exporter. The
// traced benchmarks therefore pause the timer every N spans and flush, in two
// regimes:
//   BM_Traced        N = 4096: the exporter wakes after every 512 spans
//                    (OTEL_BSP_MAX_EXPORT_BATCH_SIZE) and encodes on the other
//                    vCPU during the timed calls (saturated);
//   BM_TracedBursts  N = 256: the timed calls run while the exporter sleeps, and
//                    it exports them, with the timer paused, before the next
//                    burst: the exporter keeping up, as in a program whose span
//                    rate it sustains.
// Spans dropped anyway are reported as the counter `dropped`; the numbers are
// valid when it is 0.
//
// Metrics are on (OTEL_METRICS_EXPORTER=console, printed on stderr at exit):
// BM_Traced counts and times every call besides its span; BM_TracedNoMetrics
// is the same site with `metrics: false`, BM_MetricsOnly the metrics-only
// advice. Under OTEL_TRACES_SAMPLER=always_off, BM_Traced is the sampled-out
// path with its metrics and BM_TracedNoMetrics the one without.
//
// Every benchmark also reports `core_ns_per_add`: how fast the calling core
// ran at the end of each timed stretch (ns per step of a dependent chain of
// adds). Where the VM's two vCPUs run is the host's choice: when they are SMT
// siblings, whatever runs on the other one (the exporter thread, another
// process, or the host polling for an idle vCPU) doubles this figure and the
// span's cost with it, while the plain call and rdtsc barely move; on other
// days a busy loop on the other vCPU changes nothing, and the core still
// slows at times when something outside the VM shares it.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

#include "bench_workload.h"
#include "orch/orch.h"
#include "orch/stats.h"

namespace {

constexpr int64_t kSaturatedFlushEvery = 4096;
constexpr int64_t kBurst = 256;  // below the exporter's wake threshold of 512

// Mean over a benchmark of the core-speed probe taken at each pause.
class CoreSpeed {
public:
  void probe() {
    constexpr int kSteps = 4000;
    uint64_t a = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kSteps; ++i) {
      asm volatile("" : "+r"(a));  // one dependent add per step, never folded
      ++a;
    }
    const auto t1 = std::chrono::steady_clock::now();
    total_ns_ += std::chrono::duration<double, std::nano>(t1 - t0).count() / kSteps;
    ++probes_;
  }
  void report(benchmark::State &state) const {
    if (probes_) state.counters["core_ns_per_add"] = total_ns_ / probes_;
  }

private:
  double total_ns_ = 0;
  int probes_ = 0;
};

void BM_Plain(benchmark::State &state) {
  CoreSpeed core;
  int64_t x = 0, n = 0;
  for (auto _ : state) {
    x = orch::bench::plain_call(x, 7);
    if (++n % kSaturatedFlushEvery == 0) {
      state.PauseTiming();
      core.probe();
      state.ResumeTiming();
    }
  }
  benchmark::DoNotOptimize(x);
  core.report(state);
}
BENCHMARK(BM_Plain);

void report_drops(benchmark::State &state, const orch_stats &before) {
  orch_stats after{};
  orch_stats_get(&after, sizeof after);
  state.counters["dropped"] = static_cast<double>(after.spans_dropped - before.spans_dropped);
}

using Workload = int64_t (*)(int64_t, int64_t);

void traced_loop(benchmark::State &state, int64_t flush_every, Workload call = orch::bench::traced_call) {
  orch_stats before{};
  orch_stats_get(&before, sizeof before);
  CoreSpeed core;
  int64_t x = 0, n = 0;
  for (auto _ : state) {
    x = call(x, 7);
    if (++n % flush_every == 0) {
      state.PauseTiming();
      core.probe();
      orch_flush(10000);
      state.ResumeTiming();
    }
  }
  benchmark::DoNotOptimize(x);
  orch_flush(10000);
  report_drops(state, before);
  core.report(state);
}

// A root span per call (sampled in with the default sampler).
void BM_Traced(benchmark::State &state) { traced_loop(state, kSaturatedFlushEvery); }
BENCHMARK(BM_Traced);

void BM_TracedBursts(benchmark::State &state) { traced_loop(state, kBurst); }
BENCHMARK(BM_TracedBursts);

// The metrics' share: the same span from a site that says `metrics: false`...
void BM_TracedNoMetrics(benchmark::State &state) {
  traced_loop(state, kSaturatedFlushEvery, orch::bench::traced_call_without_metrics);
}
BENCHMARK(BM_TracedNoMetrics);

// ... and the metrics-only advice: counted and timed, never a span.
void BM_MetricsOnly(benchmark::State &state) {
  traced_loop(state, kSaturatedFlushEvery, orch::bench::metrics_only_call);
}
BENCHMARK(BM_MetricsOnly);

// A child span per call: the parent is open for the whole loop.
void BM_TracedChild(benchmark::State &state) {
  static orch_site parent_site = {ORCH_SITE_VERSION, ORCH_KIND_SERVER, "parent", "parent", __FILE__, __LINE__, 0,
                                  nullptr, nullptr, 0};
  const orch_api_v1 *api = orch_runtime_api_v1();
  orch_span parent;
  api->span_start(&parent, &parent_site);
  traced_loop(state, kSaturatedFlushEvery);
  if (parent.rec) api->span_end(&parent);
}
BENCHMARK(BM_TracedChild);

// Under a remote parent that was not sampled (parent-based samplers drop the
// span): the sampled-out path of span_start, with a non-empty context.
void BM_TracedUnsampledParent(benchmark::State &state) {
  orch_span_context remote{};
  const char *traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
  orch_traceparent_parse(traceparent, 55, &remote);
  void *token = orch_context_attach(&remote);
  int64_t x = 0;
  for (auto _ : state) x = orch::bench::traced_call(x, 7);
  benchmark::DoNotOptimize(x);
  orch_context_detach(token);
}
BENCHMARK(BM_TracedUnsampledParent);

// Aggregates beside the median, for --benchmark_report_aggregates_only.
double min_of(const std::vector<double> &v) { return *std::min_element(v.begin(), v.end()); }
double max_of(const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); }

// Context across threads (orch_api_v1::context_*), under an open span: what
// handing work to another thread costs the thread that hands it over...
void BM_ContextCapture(benchmark::State &state) {
  static orch_site site = {ORCH_SITE_VERSION, ORCH_KIND_SERVER, "parent", "parent", __FILE__, __LINE__, 0, nullptr, nullptr, 0};
  const orch_api_v1 *api = orch_runtime_api_v1();
  orch_span parent;
  api->span_start(&parent, &site);
  for (auto _ : state) {
    orch_captured_context c;
    api->context_capture(&c);
    benchmark::DoNotOptimize(c);
    api->context_release(&c);
  }
  if (parent.rec) api->span_end(&parent);
}
BENCHMARK(BM_ContextCapture)->ComputeStatistics("min", min_of)->ComputeStatistics("max", max_of);

// ... and the whole handoff, both sides on one thread: capture, attach (the
// frame is allocated here), detach, release.
void BM_ContextHandoff(benchmark::State &state) {
  static orch_site site = {ORCH_SITE_VERSION, ORCH_KIND_SERVER, "parent", "parent", __FILE__, __LINE__, 0, nullptr, nullptr, 0};
  const orch_api_v1 *api = orch_runtime_api_v1();
  orch_span parent;
  api->span_start(&parent, &site);
  for (auto _ : state) {
    orch_captured_context c;
    api->context_capture(&c);
    void *token = api->context_attach(&c);
    benchmark::DoNotOptimize(token);
    api->context_detach(token);
    api->context_release(&c);
  }
  if (parent.rec) api->span_end(&parent);
}
BENCHMARK(BM_ContextHandoff)->ComputeStatistics("min", min_of)->ComputeStatistics("max", max_of);

}  // namespace

int main(int argc, char **argv) {
  setenv("OTEL_TRACES_EXPORTER", "file", 0);
  setenv("ORCH_FILE_EXPORTER_PATH", "/dev/null", 0);
  setenv("OTEL_BSP_MAX_QUEUE_SIZE", "16384", 0);
  setenv("ORCH_SITE_SPAN_LIMIT", "0", 0);  // every call a span: spans are what is measured
  setenv("OTEL_METRICS_EXPORTER", "console", 0);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  orch_runtime_api_v1();  // configuration read before the first measurement
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
