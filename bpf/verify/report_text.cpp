// The terminal report of `orch verify`: the verdict, a line per status, the
// overhead and the cost of one event first; then the problems with their
// evidence; then every row, most calls first.
#include <algorithm>

#include "verify/report.h"
#include "verify/report_format.h"
#include "verify/report_order.h"

namespace orch::verify {

namespace {

std::string latency_pair(uint64_t p50, uint64_t p99, std::optional<uint64_t> calls) {
  if (calls.value_or(0) == 0)
    return "-";
  return format_duration_ns(static_cast<double>(p50)) + " / " + format_duration_ns(static_cast<double>(p99));
}

std::string count_text(const std::optional<uint64_t> &count) {
  return count ? std::to_string(*count) : "-";
}

std::string joined(const std::vector<std::string> &items) {
  std::string text;
  for (const std::string &item : items)
    text += (text.empty() ? "" : ", ") + item;
  return text.empty() ? "none" : text;
}

void print_header(const Report &report, FILE *out) {
  std::fprintf(out, "orch verify: %s\n  plain:        %s\n  instrumented: %s\n  instrumented runs: %s\n\n",
               report.all_verified() ? "VERIFIED: no mismatch and no problem" : "NOT VERIFIED: see the problems below",
               report.options.plain.c_str(), report.options.instrumented.c_str(), report.instrumented_setup.c_str());
  std::fprintf(out, "%-15s %9s %10s\n", "status", "functions", "call sites");
  for (const StatusCount &count : status_counts(report))
    std::fprintf(out, "%-15s %9zu %10zu  %s\n", count.status.c_str(), count.functions, count.call_sites,
                 status_meaning(count.status).c_str());
  if (!report.plain_has_debug_info)
    std::fprintf(out, "the plain build has no debug info: inlined copies cannot be found (build it with -g).\n");
}

void print_overhead(const Report &report, FILE *out) {
  const ModeReport &plain = report.plain;
  std::fprintf(out, "\noverhead: median [min-max] of %d runs each, interleaved; ratio to plain\n",
               report.options.runs);
  std::fprintf(out, "%-13s %-30s %-30s %-28s %s\n", "mode", "wall s", "cpu s (user+sys)", "max RSS KB",
               "throughput");
  for (const ModeReport *mode : modes_of(report)) {
    std::string throughput = mode->throughput ? format_spread(*mode->throughput, 1) + " " + mode->throughput_unit +
                                                    " " +
                                                    (plain.throughput ? format_ratio(mode->throughput->median,
                                                                                     plain.throughput->median)
                                                                      : "")
                                              : "-";
    std::fprintf(out, "%-13s %-30s %-30s %-28s %s\n", mode->name.c_str(),
                 (format_spread(mode->wall_s, 4) + " " + format_ratio(mode->wall_s.median, plain.wall_s.median)).c_str(),
                 (format_spread(mode->cpu_s, 4) + " " + format_ratio(mode->cpu_s.median, plain.cpu_s.median)).c_str(),
                 (format_spread(mode->max_rss_kb, 0) + " " +
                  format_ratio(mode->max_rss_kb.median, plain.max_rss_kb.median))
                     .c_str(),
                 throughput.c_str());
  }
}

void print_costs(const Report &report, FILE *out) {
  std::fprintf(out, "\none probe hit: %s (calibrated: empty function, %ld calls, %.0f ns plain vs %.0f ns probed "
                    "per call, 2 hits each)",
               format_duration_ns(report.probe_cost.ns_per_probe_hit()).c_str(), report.probe_cost.calls,
               report.probe_cost.plain_ns_per_call, report.probe_cost.probed_ns_per_call);
  std::fprintf(out, "; CPU per hit in this program: %s", in_program(report.probe_hit_cpu_ns_in_program).c_str());
  std::fprintf(out, "\none span: %s on the calling thread, %s CPU with its export (calibrated: empty function, "
                    "%ld spans)",
               format_duration_ns(report.span_cost.caller_ns_per_span).c_str(),
               format_duration_ns(report.span_cost.cpu_ns_per_span).c_str(), report.span_cost.calls);
  std::fprintf(out, "; CPU per instrumented call in this program: %s",
               in_program(report.span_cpu_ns_in_program).c_str());
  std::fprintf(out, "\n(\"in this program\": median CPU of the mode minus plain's, divided by its probe hits or the "
                    "calls the metrics counted per run, start-up included; \"within noise\" when not above plain's)\n");
  std::fprintf(out, "probes: %zu (%s), attach %.3f s, detach %.3f s (medians); sites counted in the metrics per "
                    "run: %llu, %llu not a manifest site; metrics file at most %llu bytes; spans dropped by the "
                    "runtime (queue full, counts unaffected): %llu\n",
               report.probe_count, report.uprobe_multi ? "uprobe_multi" : "perf events", report.attach_s.median,
               report.detach_s.median, static_cast<unsigned long long>(median_count(report.metric_sites_per_run)),
               static_cast<unsigned long long>(median_count(report.unmatched_metric_sites_per_run)),
               static_cast<unsigned long long>(report.metrics_file_bytes),
               static_cast<unsigned long long>(report.spans_dropped));
}

// The problems: the runs' and each problem row with its evidence.
void print_problems(const Report &report, FILE *out) {
  const auto rows = problem_rows(report);
  if (report.problems.empty() && rows.empty())
    return;
  std::fprintf(out, "\nproblems:\n");
  for (const std::string &problem : report.problems)
    std::fprintf(out, "PROBLEM: %s\n", problem.c_str());
  for (const auto &[name, row] : rows) {
    std::string per_run;
    for (size_t run = 0; run < row->probe_calls_per_run.size(); run++)
      per_run += " " + std::to_string(row->probe_calls_per_run[run]) + "/" +
                 (run < row->metric_calls_per_run.size() ? std::to_string(row->metric_calls_per_run[run]) : "-");
    std::fprintf(out, "%s: %s, probes/metrics per run:%s\n  at %s:%u; copies probed: %s; symbols: %s; "
                    "inlined sites: %zu\n",
                 name.c_str(), row->status.c_str(), per_run.c_str(), row->file.c_str(), row->line,
                 joined(row->probed_copies).c_str(), joined(row->symbols).c_str(), row->inlined_sites);
  }
}

void print_functions(const Report &report, FILE *out) {
  if (report.functions.empty())
    return;
  size_t name_width = 8;
  for (const FunctionReport &function : report.functions)
    name_width = std::max(name_width, std::min<size_t>(function.name.size(), 48));
  std::fprintf(out, "\n%-*s  %-26s %9s %9s %9s  %-21s  %-21s\n", int(name_width), "function", "status", "probes",
               "metrics", "abandoned", "probe p50 / p99 *", "orch p50 / p99 **");
  for (const FunctionReport *function : by_calls(report.functions))
    std::fprintf(out, "%-*.*s  %-26s %9llu %9s %9llu  %-21s  %-21s\n", int(name_width), int(name_width),
                 function->name.c_str(), status_label(*function).c_str(),
                 static_cast<unsigned long long>(function->probe_calls), count_text(function->metric_calls).c_str(),
                 static_cast<unsigned long long>(function->abandoned),
                 latency_pair(function->probe_p50_ns, function->probe_p99_ns, function->probe_calls).c_str(),
                 latency_pair(function->duration_p50_ns, function->duration_p99_ns, function->metric_calls).c_str());
  std::fprintf(out, "most calls first; calls are medians over the runs (entries; abandoned = left by an exception); "
                    "metrics: orch.function.calls; - where the site counts no calls.\n"
                    "* probe latencies are upper bounds of log2 buckets.\n"
                    "** orch.function.duration, all runs: bucket midpoints (within 4.4%%); calls without a span are "
                    "timed one in about ORCH_METRICS_TIME_ONE_IN.\n");
}

void print_call_sites(const Report &report, FILE *out) {
  if (report.call_sites.empty())
    return;
  size_t name_width = 9;
  for (const FunctionReport &call : report.call_sites)
    name_width = std::max(name_width, std::min<size_t>(call_site_name(call).size(), 64));
  std::fprintf(out, "\n%-*s  %-26s %9s %9s %9s  %-21s\n", int(name_width), "call site", "status", "probes", "metrics",
               "callee", "orch p50 / p99");
  for (const FunctionReport *call : by_calls(report.call_sites))
    std::fprintf(out, "%-*.*s  %-26s %9llu %9s %9llu  %-21s\n", int(name_width), int(name_width),
                 call_site_name(*call).c_str(), status_label(*call).c_str(),
                 static_cast<unsigned long long>(call->probe_calls), count_text(call->metric_calls).c_str(),
                 static_cast<unsigned long long>(call->callee_calls),
                 latency_pair(call->duration_p50_ns, call->duration_p99_ns, call->metric_calls).c_str());
  std::fprintf(out, "probes: the callee's entries that returned to this call (placed by their return address); "
                    "callee: its entries from any caller; metrics: orch.call_site.calls; callee entries per run "
                    "returning into no file the run placed: %llu.\n",
               static_cast<unsigned long long>(median_count(report.unplaced_callee_entries_per_run)));
}

void print_notes(const Report &report, FILE *out) {
  for (const FunctionReport &row : report.functions)
    for (const std::string &note : row.notes)
      std::fprintf(out, "note: %s: %s\n", row.name.c_str(), note.c_str());
  for (const FunctionReport &row : report.call_sites)
    for (const std::string &note : row.notes)
      std::fprintf(out, "note: %s: %s\n", call_site_name(row).c_str(), note.c_str());
}

} // namespace

void print_table(const Report &report, FILE *out) {
  print_header(report, out);
  print_overhead(report, out);
  print_costs(report, out);
  print_problems(report, out);
  print_functions(report, out);
  print_call_sites(report, out);
  print_notes(report, out);
  std::fprintf(out, "%s\n", report.all_verified()
                                ? "verified: no mismatch and no problem (inlined and no-symbol functions have no probe "
                                  "to compare; partly-inlined ones a lower bound)"
                                : "NOT verified: see the problems above");
}

} // namespace orch::verify
