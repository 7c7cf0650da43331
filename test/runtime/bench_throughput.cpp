// End-to-end throughput through the runtime: T threads call an instrumented
// function (bench_workload.cpp: a ScopedSpan with two attributes) as fast as
// they can for a few seconds; the runtime's queues take the spans, its
// exporter thread encodes them as OTLP http/protobuf and POSTs them to an HTTP
// sink in this process (keep-alive, 200 for each request). Each configuration
// runs in a child process of its own (the runtime reads its configuration
// once per process), with the OTEL_BSP_* defaults unless the environment says
// otherwise.
//
//   bench_throughput [seconds=3] [threads...=1 2 4 8]
//
// One line per thread count: spans ended, spans exported (answered 200 by
// the sink) and dropped (queue full), per second of the timed window, and the
// exporter's throughput. Every span ended is accounted for after the final
// flush: exported + dropped + failed == ended.

#include <atomic>
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

int run_configuration(int threads, double seconds) {
  orch::test::LocalHttpSink sink(/*keep_requests=*/false);
  const std::string base = "http://127.0.0.1:" + std::to_string(sink.port());
  orch::bench::export_spans_to(base);

  std::atomic<bool> stop{false};
  std::vector<std::thread> producers;
  const auto start = Clock::now();
  for (int t = 0; t < threads; ++t)
    producers.emplace_back([&stop] {
      int64_t x = 0;
      while (!stop.load(std::memory_order_relaxed)) x = orch::bench::traced_call(x, 7);
    });
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const orch_stats window = orch::bench::runtime_stats();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  stop = true;
  for (auto &p : producers) p.join();
  orch_flush(30000);
  const orch_stats end = orch::bench::runtime_stats();

  const uint64_t ended = end.spans_published + end.spans_dropped;
  const uint64_t accounted = end.spans_exported + end.spans_dropped + end.spans_export_failed + end.spans_rejected;
  std::printf("%7d | %10.2f M/s | %10.2f M/s | %10.2f M/s | %5.1f %% | %" PRIu64 " requests | %s\n", threads,
              (window.spans_published + window.spans_dropped) / elapsed / 1e6, window.spans_exported / elapsed / 1e6,
              window.spans_dropped / elapsed / 1e6,
              100.0 * window.spans_dropped / double(window.spans_published + window.spans_dropped),
              static_cast<uint64_t>(sink.request_count()), accounted == ended ? "all accounted" : "ACCOUNTING MISMATCH");
  std::fflush(stdout);
  return accounted == ended ? 0 : 1;
}

}  // namespace

int main(int argc, char **argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  std::vector<int> counts;
  for (int i = 2; i < argc; ++i) counts.push_back(std::atoi(argv[i]));
  if (counts.empty()) counts = {1, 2, 4, 8};
  if (seconds <= 0) {
    std::fprintf(stderr, "usage: bench_throughput [seconds] [threads...]\n");
    return 2;
  }
  std::printf("threads |  spans ended |     exported |      dropped | dropped | sink\n");
  std::fflush(stdout);
  const int failures =
      orch::bench::run_each_in_child(counts, [&](int threads) { return run_configuration(threads, seconds); });
  return failures ? 1 : 0;
}
