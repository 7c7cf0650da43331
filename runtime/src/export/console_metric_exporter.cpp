#include "export/console_metric_exporter.h"

#include <cinttypes>
#include <string>

#include "export/console_format.h"
#include "export/histogram_quantile.h"

namespace orch::rt {
namespace {

// A value in the metric's unit: seconds scaled to ns, us, ms or s.
std::string amount(double v, std::string_view unit) {
  char buf[48];
  if (unit == "s") {
    const double a = v < 0 ? -v : v;
    if (a == 0) return "0 s";
    if (a < 1e-6) std::snprintf(buf, sizeof buf, "%.3g ns", v * 1e9);
    else if (a < 1e-3) std::snprintf(buf, sizeof buf, "%.3g us", v * 1e6);
    else if (a < 1) std::snprintf(buf, sizeof buf, "%.3g ms", v * 1e3);
    else std::snprintf(buf, sizeof buf, "%.3g s", v);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.6g", v);
  std::string out = buf;
  // UCUM annotations ({call}) name what is counted: not worth repeating.
  if (!unit.empty() && unit.front() != '{') out.append(" ").append(unit);
  return out;
}

// "    k1=v1 k2=v2" (or "    (no attributes)").
void append_attributes(std::string &line, std::span<const AttrView> attrs) {
  line += "    ";
  if (attrs.empty()) line += "(no attributes)";
  for (size_t i = 0; i < attrs.size(); ++i) {
    if (i) line += ' ';
    line.append(attrs[i].key);
    line += '=';
    append_attribute_value(line, attrs[i]);
  }
}

template <class Point> void append_histogram(std::string &line, const Point &p, std::string_view unit) {
  line += "  count " + std::to_string(p.count);
  if (!p.count) return;
  line += "  sum " + amount(p.sum, unit) + "  min " + amount(p.min, unit) + "  max " + amount(p.max, unit);
  for (auto [name, q] : {std::pair{"p50", 0.5}, {"p90", 0.9}, {"p99", 0.99}})
    line += std::string("  ") + name + " " + amount(estimate_quantile(p, q), unit);
}

const char *type_name(const MetricView &m) {
  switch (m.type) {
  case MetricType::Sum: return m.monotonic ? "sum, monotonic" : "sum";
  case MetricType::Histogram: return "histogram";
  case MetricType::ExponentialHistogram: return "exponential histogram";
  }
  return "";
}

void print_metric(std::FILE *out, const MetricView &m) {
  std::fprintf(out, "%.*s%s%.*s  %s, %s\n", static_cast<int>(m.name.size()), m.name.data(), m.unit.empty() ? "" : " ",
               static_cast<int>(m.unit.size()), m.unit.data(), type_name(m),
               m.temporality == Temporality::Delta ? "delta" : "cumulative");
  std::string line;
  for (const SumPointView &p : m.sum_points) {
    line.clear();
    append_attributes(line, p.attributes);
    line += "  " + std::to_string(p.value);
    std::fprintf(out, "%s\n", line.c_str());
  }
  for (const ExplicitPointView &p : m.explicit_points) {
    line.clear();
    append_attributes(line, p.attributes);
    append_histogram(line, p, m.unit);
    std::fprintf(out, "%s\n", line.c_str());
  }
  for (const ExponentialPointView &p : m.exponential_points) {
    line.clear();
    append_attributes(line, p.attributes);
    append_histogram(line, p, m.unit);
    std::fprintf(out, "%s\n", line.c_str());
  }
}

}  // namespace

ExportResult ConsoleMetricExporter::export_metrics(std::span<const MetricView> metrics, const ResourceView &,
                                                   std::chrono::steady_clock::time_point) {
  try {
    for (const MetricView &m : metrics) print_metric(out_, m);
    std::fflush(out_);
    return ExportResult::Success;
  } catch (...) {
    return ExportResult::PermanentFailure;
  }
}

}  // namespace orch::rt
