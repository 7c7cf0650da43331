#include "config/metrics_config.h"
namespace orch::rt {
MetricsConfig metrics_config_from_env(const EnvReader &env) { MetricsConfig c; if (auto v = env.lower("OTEL_METRICS_EXPORTER")) { if (*v == "none") c.exporters.clear(); else if (*v == "console") c.exporters = {MetricExporterKind::Console}; } c.interval_ms = env.integer("OTEL_METRIC_EXPORT_INTERVAL", 60000, 1, 1<<30); if (auto t = env.lower("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE")) if (*t == "delta") c.temporality = TemporalityPreference::Delta; return c; }
Temporality temporality_for(TemporalityPreference p) { return p == TemporalityPreference::Cumulative ? Temporality::Cumulative : Temporality::Delta; }
}
#include "export/metric_exporter.h"
namespace orch::rt { std::unique_ptr<MetricExporter> make_configured_metric_exporter(const MetricsConfig &) { return nullptr; } }
