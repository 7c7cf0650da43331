// OTEL_TRACES_EXPORTER -> Exporter, OTEL_METRICS_EXPORTER -> MetricExporter.
// Runs on the exporter thread when it starts.
#include "export/make_exporter.h"

#include <memory>

#include "export/console_exporter.h"
#include "export/fanout_exporter.h"
#include "export/file_exporter.h"
#include "export/otlp_config.h"
#include "export/otlp_exporter.h"
#include "warn.h"

namespace orch::rt {
namespace {

std::unique_ptr<Exporter> make_exporter(ExporterKind kind, const Config &config) {
  switch (kind) {
  case ExporterKind::Console: return std::make_unique<ConsoleExporter>();
  case ExporterKind::File: return std::make_unique<FileExporter>(config.file_path);
  case ExporterKind::Otlp: break;
  }
  return make_otlp_exporter(otlp_config_from_env(warn_stderr));
}

}  // namespace

std::unique_ptr<Exporter> make_configured_exporter(const Config &config) {
  // No exporter (`none`) is never reached: spans are not recorded then.
  if (config.exporters.size() == 1) return make_exporter(config.exporters.front(), config);
  std::vector<std::unique_ptr<Exporter>> all;
  for (ExporterKind kind : config.exporters) all.push_back(make_exporter(kind, config));
  return std::make_unique<FanoutExporter>(std::move(all));
}

std::unique_ptr<MetricExporter> make_configured_metric_exporter_for(const Config &config) {
  return make_configured_metric_exporter(config.metrics);
}

}  // namespace orch::rt
