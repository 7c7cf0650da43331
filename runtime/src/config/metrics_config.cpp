#include "config/metrics_config.h"

#include <charconv>
#include <cmath>
#include <string>

namespace orch::rt {
namespace {

// The names of OTEL_METRICS_EXPORTER and what they select; the first is the default.
constexpr std::string_view kExporterNames[] = {"otlp", "console", "file"};
constexpr MetricExporterKind kExporterKinds[] = {MetricExporterKind::Otlp, MetricExporterKind::Console,
                                                 MetricExporterKind::File};

void read_exporters(const EnvReader &env, MetricsConfig &c) {
  if (auto path = env.str("ORCH_METRICS_FILE_PATH")) c.file_path = *path;
  auto chosen = env.exporter_list("OTEL_METRICS_EXPORTER", kExporterNames);
  if (!chosen) return;
  c.exporters.clear();
  for (size_t i : *chosen) c.exporters.push_back(kExporterKinds[i]);
}

void read_temporality(const EnvReader &env, MetricsConfig &c) {
  constexpr const char *kName = "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE";
  auto v = env.lower(kName);
  if (!v) return;
  if (*v == "cumulative") c.temporality = TemporalityPreference::Cumulative;
  else if (*v == "delta") c.temporality = TemporalityPreference::Delta;
  else if (*v == "lowmemory") c.temporality = TemporalityPreference::LowMemory;
  else env.warn(std::string(kName) + "=" + *v + " is not cumulative, delta or lowmemory; using cumulative");
}

void read_histogram(const EnvReader &env, MetricsConfig &c) {
  constexpr const char *kName = "OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION";
  auto v = env.lower(kName);
  if (!v) return;
  if (*v == "base2_exponential_bucket_histogram") c.histogram = HistogramAggregation::Base2Exponential;
  else if (*v == "explicit_bucket_histogram") c.histogram = HistogramAggregation::ExplicitBuckets;
  else
    env.warn(std::string(kName) + "=" + *v +
             " is not base2_exponential_bucket_histogram or explicit_bucket_histogram; using "
             "base2_exponential_bucket_histogram");
}

// "0.001, 0.01,0.1": finite numbers, strictly increasing; nothing else.
bool parse_bounds(std::string_view text, std::vector<double> &out) {
  while (true) {
    const size_t comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    double v = 0;
    auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    if (item.empty() || ec != std::errc() || end != item.data() + item.size() || !std::isfinite(v)) return false;
    if (!out.empty() && !(v > out.back())) return false;
    out.push_back(v);
    if (comma == std::string_view::npos) return true;
    text.remove_prefix(comma + 1);
  }
}

void read_bounds(const EnvReader &env, MetricsConfig &c) {
  auto v = env.str("ORCH_METRICS_HISTOGRAM_BOUNDARIES");
  if (!v) return;
  std::vector<double> bounds;
  if (parse_bounds(*v, bounds))
    c.explicit_bounds = std::move(bounds);
  else
    env.warn("ORCH_METRICS_HISTOGRAM_BOUNDARIES=" + *v +
             " is not a comma-separated list of strictly increasing numbers of seconds; using the default");
}

}  // namespace

MetricsConfig metrics_config_from_env(const EnvReader &env) {
  constexpr int64_t kMaxU32 = UINT32_MAX;
  MetricsConfig c;
  read_exporters(env, c);
  c.interval_ms = env.integer("OTEL_METRIC_EXPORT_INTERVAL", c.interval_ms, 1, kMaxU32);
  c.timeout_ms = env.integer("OTEL_METRIC_EXPORT_TIMEOUT", c.timeout_ms, 1, kMaxU32);
  read_temporality(env, c);
  read_histogram(env, c);
  read_bounds(env, c);
  return c;
}

Temporality temporality_for(TemporalityPreference preference) {
  return preference == TemporalityPreference::Cumulative ? Temporality::Cumulative : Temporality::Delta;
}

}  // namespace orch::rt
