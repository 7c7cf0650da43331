// OTEL_METRICS_EXPORTER -> MetricExporter. Runs on the exporter thread.
#include <memory>

#include "export/console_metric_exporter.h"
#include "export/fanout_exporter.h"
#include "export/file_metric_exporter.h"
#include "export/metric_exporter.h"
#include "export/otlp_config.h"
#include "export/otlp_metric_exporter.h"
#include "warn.h"

namespace orch::rt {
namespace {

std::unique_ptr<MetricExporter> make_metric_exporter(MetricExporterKind kind, const MetricsConfig &config) {
  switch (kind) {
  case MetricExporterKind::Console: return std::make_unique<ConsoleMetricExporter>();
  case MetricExporterKind::File: return std::make_unique<FileMetricExporter>(config.file_path);
  case MetricExporterKind::Otlp: break;
  }
  return make_otlp_metric_exporter(otlp_config_from_env(warn_stderr, OtlpSignal::Metrics));
}

}  // namespace

std::unique_ptr<MetricExporter> make_configured_metric_exporter(const MetricsConfig &config) {
  if (config.exporters.empty()) return nullptr;
  if (config.exporters.size() == 1) return make_metric_exporter(config.exporters.front(), config);
  std::vector<std::unique_ptr<MetricExporter>> all;
  for (MetricExporterKind kind : config.exporters) all.push_back(make_metric_exporter(kind, config));
  return std::make_unique<FanoutMetricExporter>(std::move(all));
}

}  // namespace orch::rt
