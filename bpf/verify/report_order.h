// What the reports show first: the problems, then the rows by calls; and
// what each status means, for the summary lines.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "verify/report.h"

namespace orch::verify {

// A mismatch, or no-symbol with calls counted (instrumented code that ran,
// yet the plain build has no trace of it).
bool is_problem(const FunctionReport &row);

// The problem rows, functions then call sites, each most calls first, with
// the name a report shows for them.
std::vector<std::pair<std::string, const FunctionReport *>> problem_rows(const Report &report);

// The rows, most calls first (the metrics', or the probes' when larger or
// not counted), then by name.
std::vector<const FunctionReport *> by_calls(const std::vector<FunctionReport> &rows);

// "partly-inlined (3 sites)", "inlined (5 sites)", or the status.
std::string status_label(const FunctionReport &row);

// One line on what a status says (kStatuses).
std::string status_meaning(const std::string &status);

// Rows of each status: {status, functions, call sites}, every status of
// kStatuses that some row has, plus match and mismatch.
struct StatusCount {
  std::string status;
  size_t functions = 0, call_sites = 0;
};
std::vector<StatusCount> status_counts(const Report &report);

} // namespace orch::verify
