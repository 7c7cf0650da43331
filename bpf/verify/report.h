// What `orch verify` found: the comparison per function and the cost of each
// mode. Filled by the verifier (verifier.h), written out by report_text.cpp,
// report_json.cpp and report_html.cpp.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "calibration/calibration.h"
#include "loader/probe_session.h"
#include "verify/options.h"
#include "verify/program_run.h"
#include "verify/statistics.h"

namespace orch::verify {

// A function's row, or a call site's (Report::call_sites: its probe calls
// are the callee's entries that returned to this call; no abandoned count
// nor probe latencies, as only the callee's entry is probed).
struct FunctionReport {
  std::string name;                 // the function, or the call's callee
  std::string caller;               // call sites
  std::vector<std::string> symbols; // the ones found in the plain build (all of the manifest's when none)
  std::vector<std::string> probed_copies; // "symbol (file)" of each copy probed: the evidence
  std::string file;
  unsigned line = 0;
  unsigned column = 0;              // call sites
  // not-called | match | mismatch | inlined | partly-inlined | no-symbol | uncounted
  std::string status;
  size_t inlined_sites = 0;         // DW_TAG_inlined_subroutine entries in the plain build
  // Per run; the reported counts are their medians.
  std::vector<uint64_t> probe_calls_per_run; // entries: completed + abandoned
  std::vector<uint64_t> callee_calls_per_run; // call sites: the callee's entries from anywhere
  uint64_t callee_calls = 0;
  // The metrics' calls (orch.function.calls, orch.call_site.calls): empty and
  // none where the manifest says the site counts none (`metrics: false`).
  std::vector<uint64_t> metric_calls_per_run;
  uint64_t probe_calls = 0;
  std::optional<uint64_t> metric_calls;
  uint64_t abandoned = 0;           // median per run: left by an exception or longjmp
  // Probe quantiles are upper bounds of log2 buckets; duration quantiles are
  // the midpoints of the runtime's duration histogram buckets (scale 3: within
  // 4.4%) of all runs; that histogram times one call in about
  // ORCH_METRICS_TIME_ONE_IN of those without a span, so it is an estimate.
  uint64_t probe_p50_ns = 0, probe_p99_ns = 0;
  uint64_t duration_p50_ns = 0, duration_p99_ns = 0;
  std::vector<std::string> notes;   // why a count is missing
};

struct ModeReport {
  std::string name; // plain | ebpf | instrumented
  std::vector<RunMeasure> runs;
  Spread wall_s, cpu_s, max_rss_kb;
  std::optional<Spread> throughput;
  std::string throughput_unit;
};

struct Report {
  Options options;
  std::vector<FunctionReport> functions;
  std::vector<FunctionReport> call_sites;
  ModeReport plain, ebpf, instrumented;
  std::string instrumented_setup; // how the instrumented mode runs orch: sampler, span budget, exporters
  bool plain_has_debug_info = false;

  // The probes.
  size_t probe_count = 0;
  bool uprobe_multi = false;
  Spread attach_s, detach_s;
  bpf::SessionCounters counters; // summed over the runs
  std::vector<uint64_t> callee_entries_per_run; // hits of the call sites' callee probes
  std::vector<uint64_t> unplaced_callee_entries_per_run; // of which the return address is in no known file
  // Spans the runtime dropped (queue full), from its stats file, all runs:
  // not a problem for the counts, which come from the metrics.
  uint64_t spans_dropped = 0;
  // The metrics, per instrumented run: sites with calls, and those of them
  // at no manifest function's or call's place; the metrics file's size.
  std::vector<uint64_t> metric_sites_per_run;
  std::vector<uint64_t> unmatched_metric_sites_per_run;
  uint64_t metrics_file_bytes = 0; // largest of the runs

  // Cost of one probe hit and one span: calibrated on an empty function, and
  // as seen in this program (extra CPU of the mode over plain / probe hits, or
  // / calls the metrics counted, for span_cpu_ns_in_program).
  bpf::ProbeCost probe_cost;
  bpf::SpanCost span_cost;
  std::optional<double> probe_hit_cpu_ns_in_program;
  std::optional<double> span_cpu_ns_in_program;

  std::vector<std::string> problems; // failed runs, dropped spans, probe anomalies
  bool all_verified() const;         // no mismatch and no problem
};

void print_table(const Report &report, FILE *out);
std::string report_json(const Report &report);
std::string report_html(const Report &report);

} // namespace orch::verify
