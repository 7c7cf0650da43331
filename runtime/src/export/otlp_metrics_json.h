// OTLP/JSON encoding of ExportMetricsServiceRequest (the rules of otlp_json.h:
// lowerCamelCase names, ids as lowercase hex, 64-bit integers as decimal
// strings, enums as integers), for the http/json protocol.
#pragma once

#include <span>
#include <string>

#include "metric_data.h"

namespace orch::rt {

// Replaces the contents of `out` with one request object holding `metrics`
// (one line). Reuses out's capacity.
void encode_otlp_metrics_json(std::span<const MetricView> metrics, const ResourceView &resource,
                              std::string &out);

}  // namespace orch::rt
