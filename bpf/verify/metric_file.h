// Call counts and durations written by the runtime's metrics file exporter
// (OTEL_METRICS_EXPORTER=file): one OTLP/JSON ExportMetricsServiceRequest per
// line, cumulative temporality.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "verify/duration_histogram.h"

namespace orch::verify {

// The calls of one instrumented site, from orch.function.calls or
// orch.call_site.calls, and their durations from orch.function.duration or
// orch.call_site.duration (failed calls' points, by error.type, included).
struct SiteCalls {
  bool call_site = false;
  std::string function; // code.function.name: the function, or a call site's caller
  std::string file;     // code.file.path
  unsigned line = 0;    // code.line.number
  uint64_t calls = 0;
  DurationHistogram durations;
};

// Per site, the calls of each process's last export (it holds the totals),
// summed over the processes of the file (a forked child exports its own,
// told apart by process.pid); data points of one site (a template's
// instantiations) added up, durations likewise. A missing file means no call was counted. Throws
// std::runtime_error for malformed JSON or a point that is not cumulative.
std::vector<SiteCalls> read_metric_file(const std::string &path);

} // namespace orch::verify
