// Per function: what the probes and the spans saw, and the verdict.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "loader/probe_plan.h"
#include "loader/probe_session.h"
#include "verify/debug_info.h"
#include "verify/manifest.h"
#include "verify/report.h"
#include "verify/span_file.h"

namespace orch::verify {

// match: a symbol was probed and probes and spans counted the same calls in
// every run. inlined: the debug info shows the compiler inlined it (inlined
// copies have no probe), with or without an out-of-line symbol, and the
// counts differ. no-symbol: nothing to probe and no sign of inlining in the
// debug info (dropped, or built without -g). mismatch: probed, counts differ,
// no inlining explains it.
std::string function_status(bool has_symbol, bool inlined, const std::vector<uint64_t> &probe_calls,
                            const std::vector<uint64_t> &span_calls);

// The spans of one run counted per manifest function (matched by file and
// line: span names are templates, lambda symbols differ between compilers).
struct SpanTally {
  std::vector<uint64_t> calls;                    // per function
  std::vector<std::vector<uint64_t>> durations_ns; // per function
  uint64_t unmatched = 0;
};
SpanTally tally_spans(const std::vector<ManifestFunction> &functions, const std::vector<SpanRecord> &spans);

// Rows for the report. `probe_runs` and `span_runs` hold one entry per run.
std::vector<FunctionReport> compare_functions(const std::vector<ManifestFunction> &functions,
                                              const bpf::ProbePlan &plan, const DebugFacts &debug,
                                              const std::vector<std::vector<bpf::FunctionStats>> &probe_runs,
                                              const std::vector<SpanTally> &span_runs);

} // namespace orch::verify
