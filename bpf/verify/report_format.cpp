#include "verify/report_format.h"

#include <cstdio>
#include <filesystem>

namespace orch::verify {

std::string format_duration_ns(double ns) {
  char text[32];
  if (ns < 1e3)
    std::snprintf(text, sizeof text, "%.0f ns", ns);
  else if (ns < 1e6)
    std::snprintf(text, sizeof text, "%.1f us", ns / 1e3);
  else if (ns < 1e9)
    std::snprintf(text, sizeof text, "%.2f ms", ns / 1e6);
  else
    std::snprintf(text, sizeof text, "%.2f s", ns / 1e9);
  return text;
}

std::string format_number(double value, int digits) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string format_spread(const Spread &spread, int digits) {
  return format_number(spread.median, digits) + " [" + format_number(spread.min, digits) + "-" +
         format_number(spread.max, digits) + "]";
}

std::string format_ratio(double mode, double plain) {
  return plain > 0 ? format_number(mode / plain, 2) + "x" : "-";
}

namespace {

// "11 match, 0 mismatch, 6 inlined, 1 no-symbol" (and the other statuses when some have them).
std::string statuses_of(const std::vector<FunctionReport> &rows) {
  std::string summary;
  for (const std::string &status : kStatuses) {
    size_t count = 0;
    for (const FunctionReport &row : rows)
      count += row.status == status;
    if (count || status == "match" || status == "mismatch")
      summary += (summary.empty() ? "" : ", ") + std::to_string(count) + " " + status;
  }
  return summary;
}

} // namespace

std::string status_summary(const Report &report) {
  std::string summary = std::to_string(report.functions.size()) + " functions: " + statuses_of(report.functions);
  if (!report.call_sites.empty())
    summary += "; " + std::to_string(report.call_sites.size()) + " call sites: " + statuses_of(report.call_sites);
  return summary;
}

std::string call_site_name(const FunctionReport &call) {
  return (call.caller.empty() ? "(namespace scope)" : call.caller) + " -> " + call.name + " at " +
         std::filesystem::path(call.file).filename().string() + ":" + std::to_string(call.line) + ":" +
         std::to_string(call.column);
}

std::string in_program(const std::optional<double> &ns) {
  return ns ? format_duration_ns(*ns) : "within noise";
}

std::array<const ModeReport *, 3> modes_of(const Report &report) {
  return {&report.plain, &report.ebpf, &report.instrumented};
}

} // namespace orch::verify
