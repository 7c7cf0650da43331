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

namespace orch::verify {

// The runtime counts every call of a site in its metrics (where the manifest
// says the site counts calls and no other site shares its place), whatever
// the sampler and the span budget keep as spans.
//   not-called: no probe hit and no call counted in any run (no evidence);
//   match: a symbol was probed and the probes and the metrics saw the same
//     calls in every run;
//   partly-inlined: an out-of-line copy was probed and the debug info shows
//     inlined copies too (those have no probe): the probe count is a lower
//     bound, never above the metrics';
//   inlined: no out-of-line copy, inlined copies in the debug info;
//   no-symbol: neither a symbol nor an inlined copy (dropped, or no -g);
//   mismatch: anything else (a probed function counted differently with no
//     inlining to explain it, or more probe hits than calls counted);
//   uncounted: the runtime counts no calls to compare with.
std::string site_status(bool has_symbol, bool inlined, const std::vector<uint64_t> &probe_calls,
                        const std::optional<std::vector<uint64_t>> &metric_calls);

// The metrics of one run per site: orch.function.calls and .duration for
// functions, orch.call_site.* for calls, matched by their code.* attributes.
struct MetricTally {
  std::vector<uint64_t> calls; // per site
  std::vector<DurationHistogram> durations; // per site
  uint64_t sites = 0;          // sites with calls in the metrics
  uint64_t unmatched = 0;      // of which the manifest has none at their place
};
MetricTally tally_metrics(const std::vector<Site> &sites, const std::vector<SiteCalls> &counted);

// What the runs saw, one entry per run.
struct RunTallies {
  std::vector<std::vector<bpf::FunctionStats>> probes; // per function
  std::vector<CallProbeTally> call_probes;
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
