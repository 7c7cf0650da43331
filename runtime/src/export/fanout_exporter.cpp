#include "export/fanout_exporter.h"

namespace orch::rt {

ExportResult FanoutExporter::export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                                          std::chrono::steady_clock::time_point deadline) {
  return fanout_.each([&](Exporter &e) { return e.export_spans(spans, resource, deadline); });
}

ExportResult FanoutMetricExporter::export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                                                  std::chrono::steady_clock::time_point deadline) {
  return fanout_.each([&](MetricExporter &e) { return e.export_metrics(metrics, resource, deadline); });
}

}  // namespace orch::rt
