// Hand-written protobuf encoding of opentelemetry.proto.collector.metrics.v1.
// ExportMetricsServiceRequest: one ResourceMetrics with one ScopeMetrics
// holding every metric of the export. Canonical proto3 like otlp_proto.h:
// default values omitted, except sum/min/max, which are written whenever a
// histogram point has a count (they are `optional`: present means known).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metric_data.h"

namespace orch::rt {

class OtlpMetricsProtoEncoder {
public:
  // Encodes one request; the result stays valid until the next call.
  std::string_view encode(std::span<const MetricView> metrics, const ResourceView &resource);

private:
  std::string buffer_;
  std::vector<uint32_t> sizes_;  // of every nested message, first pass, in writing order
};

}  // namespace orch::rt
