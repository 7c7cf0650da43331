// Per function and per call site: what the probes, the spans and the metrics
// saw, and the verdict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loader/probe_plan.h"
#include "loader/probe_session.h"
#include "verify/call_places.h"
#include "verify/debug_info.h"
#include "verify/manifest.h"
#include "verify/metric_file.h"
#include "verify/report.h"
#include "verify/sites.h"
#include "verify/span_file.h"

namespace orch::verify {

// The runtime counts a site's calls as spans and as metrics, each where the
// manifest says the site records them (and no other site shares its place).
// match: a symbol was probed and the probes and the runtime's counts saw the
// same calls in every run. inlined: the debug info shows the compiler inlined
// it (inlined copies have no probe), with or without an out-of-line symbol,
// and the probe counts differ. no-symbol: nothing to probe and no sign of
// inlining in the debug info (dropped, or built without -g). mismatch: the
// spans and the metrics differ (inlining cannot explain that: both count in
// the program), or probed, the probe counts differ and no inlining explains
// it. uncounted: the runtime counts nothing to compare with.
std::string site_status(bool has_symbol, bool inlined, const std::vector<uint64_t> &probe_calls,
                        const std::optional<std::vector<uint64_t>> &span_calls,
                        const std::optional<std::vector<uint64_t>> &metric_calls);

// The spans of one run per site, matched by code.function.name, file and line
// (span names are templates; lambda symbols differ between compilers).
struct SpanTally {
  std::vector<uint64_t> calls;                     // per site
  std::vector<std::vector<uint64_t>> durations_ns; // per site
  uint64_t unmatched = 0;
};
SpanTally tally_spans(const std::vector<Site> &sites, const std::vector<SpanRecord> &spans);

// The metrics of one run per site: orch.function.calls for functions,
// orch.call_site.calls for calls, matched by their code.* attributes.
struct MetricTally {
  std::vector<uint64_t> calls; // per site
  uint64_t sites = 0;          // sites with calls in the metrics
  uint64_t unmatched = 0;      // of which the manifest has none at their place
};
MetricTally tally_metrics(const std::vector<Site> &sites, const std::vector<SiteCalls> &counted);

// What the runs saw, one entry per run.
struct RunTallies {
  std::vector<std::vector<bpf::FunctionStats>> probes; // per function
  std::vector<CallProbeTally> call_probes;
  std::vector<SpanTally> spans;
  std::vector<MetricTally> metrics;
};

// Rows for the report: the manifest's functions, and its calls (call i's
// callee is plan.callees[callee_of[i]]).
std::vector<FunctionReport> compare_functions(const Manifest &manifest, const bpf::ProbePlan &plan,
                                              const DebugFacts &debug, const RunTallies &runs);
std::vector<FunctionReport> compare_calls(const Manifest &manifest, const bpf::ProbePlan &plan,
                                          const std::vector<uint32_t> &callee_of, const DebugFacts &debug,
                                          const RunTallies &runs);

} // namespace orch::verify
