// What the end-to-end benchmarks (bench_throughput, bench_bursts) share: the
// runtime exporting OTLP http/protobuf to `base`, every call a span, its
// counters, and a process of its own per configuration.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "orch/orch.h"
#include "orch/stats.h"

namespace orch::bench {

// Before the runtime reads its configuration.
inline void export_spans_to(const std::string &base) {
  setenv("OTEL_EXPORTER_OTLP_ENDPOINT", base.c_str(), 1);
  setenv("OTEL_TRACES_EXPORTER", "otlp", 1);
  setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", 1);
  setenv("ORCH_SITE_SPAN_LIMIT", "0", 0);  // every call a span: spans are what is measured
  orch_runtime_api_v1();                   // configuration read before the clock starts
}

inline orch_stats runtime_stats() {
  orch_stats s{};
  orch_stats_get(&s, sizeof s);
  return s;
}

// Runs `configuration(value)` for each value in a child process of its own (a
// runtime of its own); returns how many of them failed.
template <class F> int run_each_in_child(const std::vector<int> &values, F configuration) {
  int failures = 0;
  for (int value : values) {
    const pid_t child = fork();
    if (child == 0) _exit(configuration(value));
    int status = 0;
    waitpid(child, &status, 0);
    failures += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  return failures;
}

}  // namespace orch::bench
