#include "verify/report_order.h"

#include <algorithm>

#include "verify/report_format.h"

namespace orch::verify {

bool is_problem(const FunctionReport &row) {
  return row.status == "mismatch" || (row.status == "no-symbol" && row.metric_calls.value_or(0) > 0);
}

std::vector<const FunctionReport *> by_calls(const std::vector<FunctionReport> &rows) {
  std::vector<const FunctionReport *> sorted;
  for (const FunctionReport &row : rows)
    sorted.push_back(&row);
  auto calls = [](const FunctionReport *row) { return std::max(row->metric_calls.value_or(0), row->probe_calls); };
  std::stable_sort(sorted.begin(), sorted.end(), [&](const FunctionReport *a, const FunctionReport *b) {
    if (calls(a) != calls(b))
      return calls(a) > calls(b);
    return a->name < b->name;
  });
  return sorted;
}

std::string status_label(const FunctionReport &row) {
  if ((row.status == "inlined" || row.status == "partly-inlined") && row.inlined_sites > 0)
    return row.status + " (" + std::to_string(row.inlined_sites) + " sites)";
  return row.status;
}

std::string status_meaning(const std::string &status) {
  if (status == "mismatch")
    return "probed, and the probes and the metrics counted different calls with no inlining to explain it";
  if (status == "no-symbol")
    return "neither a symbol nor an inlined copy in the plain build's DWARF";
  if (status == "match")
    return "probes = metrics in every run";
  if (status == "partly-inlined")
    return "an out-of-line copy probed, inlined copies too: the probes are a lower bound, never above the metrics";
  if (status == "inlined")
    return "inlined by the compiler: no probe saw a call, the metrics count them";
  if (status == "not-called")
    return "no call in any run, on either side: nothing compared";
  if (status == "uncounted")
    return "the site counts no calls in the metrics: nothing to compare with";
  return "";
}

std::vector<StatusCount> status_counts(const Report &report) {
  std::vector<StatusCount> counts;
  for (const std::string &status : kStatuses) {
    StatusCount count{status};
    for (const FunctionReport &row : report.functions)
      count.functions += row.status == status;
    for (const FunctionReport &row : report.call_sites)
      count.call_sites += row.status == status;
    if (count.functions || count.call_sites || status == "match" || status == "mismatch")
      counts.push_back(count);
  }
  return counts;
}

std::vector<std::pair<std::string, const FunctionReport *>> problem_rows(const Report &report) {
  std::vector<std::pair<std::string, const FunctionReport *>> rows;
  for (const FunctionReport *row : by_calls(report.functions))
    if (is_problem(*row))
      rows.emplace_back(row->name, row);
  for (const FunctionReport *row : by_calls(report.call_sites))
    if (is_problem(*row))
      rows.emplace_back(call_site_name(*row), row);
  return rows;
}

} // namespace orch::verify
