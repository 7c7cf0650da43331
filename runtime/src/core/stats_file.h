// The runtime's counters for tools (ORCH_STATS_FILE; docs/runtime.md,
// "Counters for tools"): the numbers of the stderr lines at exit, as JSON.
#pragma once

#include <string>

#include "core/runtime.h"

namespace orch::rt {

// Appends one JSON object on one line: {"pid":..., "spans_published":...,
// "spans_dropped":..., "spans_exported":..., "spans_export_failed":...,
// "spans_rejected":...}. One write(2) on an O_APPEND file, so that processes
// sharing the path (a forked child, a child program) never mix their lines.
// False when the file cannot be written.
bool append_stats_line(const std::string &path, const RuntimeTotals &totals);

}  // namespace orch::rt
