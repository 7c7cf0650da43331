// The OTLP/HTTP metric exporter (http/protobuf or http/json, optional gzip),
// over the same sender, retry policy and settings as the trace exporter.
#pragma once

#include <memory>

#include "export/metric_exporter.h"
#include "export/otlp_config.h"

namespace orch::rt {

// Nothing is sent until the first export; connection problems surface as
// failed exports with a reason in last_error(), and export_metrics never throws.
std::unique_ptr<MetricExporter> make_otlp_metric_exporter(const OtlpConfig &config);

}  // namespace orch::rt
