// A service's load through the runtime: one thread calls an instrumented
// function (bench_workload.cpp: a ScopedSpan with two attributes) in bursts of
// B calls every P ms, for S seconds, exporting OTLP http/protobuf to an HTTP
// sink in this process (keep-alive, 200 at once, nothing decoded), or to
// BENCH_ENDPOINT when set (a collector of the caller's, e.g. the test receiver
// that decodes every span), with the OTEL_BSP_* defaults unless the
// environment says otherwise. Each configuration runs in a child process of
// its own.
//
//   bench_bursts [seconds=3] [burst=1000] [period_ms...=10]
//
// One line per period: the spans ended and dropped (queue full), and the
// time a burst took per call against the same burst of the plain function
// run just before it (medians over the bursts), so the cost per call in this
// regime is read against the plain call in the same conditions; and how many
// times per traced burst the calling thread was preempted.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "bench_export.h"
#include "bench_workload.h"
#include "local_http_sink.h"

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Times this thread was preempted (involuntary context switches) so far.
long preemptions() {
  rusage u{};
  getrusage(RUSAGE_THREAD, &u);
  return u.ru_nivcsw;
}

// Nanoseconds per call of `call` over a burst.
template <class F> double burst_ns(int burst, F call) {
  int64_t x = 0;
  const auto start = Clock::now();
  for (int i = 0; i < burst; ++i) x = call(x, 7);
  const double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
  static volatile int64_t sink;
  sink = x;
  return ns / burst;
}

int run_configuration(double seconds, int burst, int period_ms) {
  orch::test::LocalHttpSink sink(/*keep_requests=*/false);
  const char *endpoint = std::getenv("BENCH_ENDPOINT");
  const std::string base = endpoint ? endpoint : "http://127.0.0.1:" + std::to_string(sink.port());
  orch::bench::export_spans_to(base);

  std::vector<double> plain, traced;
  long preempted = 0;
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  auto next = Clock::now();
  while (Clock::now() < end) {
    next += std::chrono::milliseconds(period_ms);
    plain.push_back(burst_ns(burst, orch::bench::plain_call));
    const long before = preemptions();
    traced.push_back(burst_ns(burst, orch::bench::traced_call));
    preempted += preemptions() - before;
    std::this_thread::sleep_until(next);
  }
  orch_flush(30000);
  const orch_stats s = orch::bench::runtime_stats();
  const uint64_t ended = s.spans_published + s.spans_dropped;
  std::printf("%6d ms | %6d | %9" PRIu64 " | %8" PRIu64 " | %6.2f %% | %7.1f ns | %7.1f ns | %+7.1f ns | %5.2f\n",
              period_ms, burst, ended, s.spans_dropped, 100.0 * s.spans_dropped / double(ended), median(plain),
              median(traced), median(traced) - median(plain), double(preempted) / double(traced.size()));
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char **argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  const int burst = argc > 2 ? std::atoi(argv[2]) : 1000;
  std::vector<int> periods;
  for (int i = 3; i < argc; ++i) periods.push_back(std::atoi(argv[i]));
  if (periods.empty()) periods = {10};
  if (seconds <= 0 || burst <= 0) {
    std::fprintf(stderr, "usage: bench_bursts [seconds] [burst] [period_ms...]\n");
    return 2;
  }
  std::printf(" period  |  burst |     ended |  dropped | dropped |   plain   |  traced   | difference | preempted\n");
  std::fflush(stdout);
  const int failures =
      orch::bench::run_each_in_child(periods, [&](int period) { return run_configuration(seconds, burst, period); });
  return failures ? 1 : 0;
}
