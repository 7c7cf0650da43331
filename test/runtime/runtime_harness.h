// Runs the runtime in a forked child process, so that each test gets a fresh
// runtime with its own configuration (the runtime is process-wide), and
// records what the exporter received in a file the test reads afterwards.
#pragma once

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/runtime.h"
#include "orch/orch.h"

// In a RuntimeHarness::run body: a failure ends the child with status 3 and a message.
#define CHILD_CHECK(cond)                                                    \
  do {                                                                       \
    if (!(cond)) {                                                           \
      std::fprintf(stderr, "child check failed: %s (line %d)\n", #cond, __LINE__); \
      std::_Exit(3);                                                         \
    }                                                                        \
  } while (0)

namespace orch::test {

// One exported span, as written by the capture exporter.
struct CapturedSpan {
  int pid = 0;
  std::string name, trace_id, span_id, parent_span_id;
  int flags = 0, status = 0;
  uint64_t start = 0, end = 0;
  uint32_t dropped_attributes = 0;
  std::map<std::string, std::string> attrs;  // value rendered as text; strings in quotes
  std::vector<std::string> attr_order;
  std::vector<std::string> events;  // "name type=... message=..."
  std::string service_name;
  std::string trace_state;
};

// One exported metric data point, as written by the capture metric exporter.
struct CapturedPoint {
  int pid = 0;
  int export_index = 0;  // 0 for the child's first export, 1 for its second, ...
  std::string metric, type;  // type: sum, exponential or explicit
  int temporality = 0;       // OTLP AggregationTemporality
  uint64_t start = 0, time = 0;
  std::map<std::string, std::string> attrs;  // as CapturedSpan::attrs
  int64_t value = 0;                         // sum
  uint64_t count = 0;                        // histograms
  double sum = 0, min = 0, max = 0;
  int scale = 0, offset = 0;
  std::vector<uint64_t> counts;  // exponential: positive buckets; explicit: every bucket
  std::vector<double> bounds;    // explicit
  std::vector<std::string> exemplars;  // "trace_id span_id value"
};

class RuntimeHarness {
public:
  RuntimeHarness();
  ~RuntimeHarness();

  // Forks; the child creates the runtime with `config` and the capture
  // exporter (or the exporters `factory` makes), runs `body`, then calls
  // exit(0) (so the exit flush runs). Returns the child's exit status, or
  // 128 + signal.
  int run(const rt::Config &config, const std::function<void()> &body, rt::ExporterFactory factory = nullptr);
  // The same, with what the child writes on stderr (at most a pipe's worth)
  // in `child_stderr`.
  int run_capturing_stderr(const rt::Config &config, const std::function<void()> &body, std::string &child_stderr,
                           rt::ExporterFactory factory = nullptr);
  std::vector<CapturedSpan> spans() const;
  // What the capture metric exporter received (the runtime of every run gets
  // it while its configuration lists a metric exporter).
  std::vector<CapturedPoint> metric_points() const;

  // In the child: while true, the capture exporter waits before exporting.
  static std::atomic<bool> hold_exports;

private:
  std::string path_, metrics_path_;
};

// A default test configuration: everything sampled, short schedule delay.
rt::Config test_config();

// Convenience for the bodies: the API table and static sites.
const orch_api_v1 *api();
orch_site make_site(const char *name);

// The span named `name` (a test failure, and an empty span, when there is none).
const CapturedSpan &named(const std::vector<CapturedSpan> &spans, const std::string &name);

}  // namespace orch::test
