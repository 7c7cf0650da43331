// The exporters the configuration selects, as the runtime's factories
// (core/runtime.h, ExporterFactory and MetricExporterFactory). export/ knows
// nothing of the runtime that calls them.
#pragma once

#include <memory>

#include "config/config.h"
#include "export/exporter.h"
#include "export/metric_exporter.h"

namespace orch::rt {

// The exporter selected by the configuration (OTEL_TRACES_EXPORTER).
std::unique_ptr<Exporter> make_configured_exporter(const Config &config);
// The one selected by OTEL_METRICS_EXPORTER.
std::unique_ptr<MetricExporter> make_configured_metric_exporter_for(const Config &config);

}  // namespace orch::rt
