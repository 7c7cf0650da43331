// Per function: what the probes and the spans saw, and the verdict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loader/probe_plan.h"
#include "loader/probe_session.h"
#include "verify/debug_info.h"
#include "verify/manifest.h"
#include "verify/metric_file.h"
#include "verify/report.h"
#include "verify/span_file.h"

namespace orch::verify {

// The runtime counts a site's calls as spans and as metrics, each where the
// manifest says the site records them. match: a symbol was probed and the
// probes and the runtime's counts saw the same calls in every run. inlined:
// the debug info shows the compiler inlined it (inlined copies have no
// probe), with or without an out-of-line symbol, and the probe counts differ.
// no-symbol: nothing to probe and no sign of inlining in the debug info
// (dropped, or built without -g). mismatch: the spans and the metrics differ
// (inlining cannot explain that: both count in the program), or probed, the
// probe counts differ and no inlining explains it.
std::string function_status(bool has_symbol, bool inlined, const std::vector<uint64_t> &probe_calls,
                            const std::optional<std::vector<uint64_t>> &span_calls,
                            const std::optional<std::vector<uint64_t>> &metric_calls);

// The spans of one run counted per manifest function (matched by file and
// line: span names are templates, lambda symbols differ between compilers).
struct SpanTally {
  std::vector<uint64_t> calls;                    // per function
  std::vector<std::vector<uint64_t>> durations_ns; // per function
  uint64_t unmatched = 0;
};
SpanTally tally_spans(const std::vector<ManifestFunction> &functions, const std::vector<SpanRecord> &spans);

// The metrics of one run per manifest function (matched by function name,
// file and line: the data points' code.* attributes).
struct MetricTally {
  std::vector<uint64_t> calls; // per function
  uint64_t sites = 0;          // function sites with calls
  uint64_t unmatched = 0;      // of which no manifest function is at their place
};
MetricTally tally_metrics(const std::vector<ManifestFunction> &functions, const std::vector<SiteCalls> &sites);

// Rows for the report. `probe_runs`, `span_runs` and `metric_runs` hold one
// entry per run.
std::vector<FunctionReport> compare_functions(const std::vector<ManifestFunction> &functions,
                                              const bpf::ProbePlan &plan, const DebugFacts &debug,
                                              const std::vector<std::vector<bpf::FunctionStats>> &probe_runs,
                                              const std::vector<SpanTally> &span_runs,
                                              const std::vector<MetricTally> &metric_runs);

} // namespace orch::verify
