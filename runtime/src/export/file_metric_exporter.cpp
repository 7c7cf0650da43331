#include "export/file_metric_exporter.h"

#include "export/otlp_metrics_json.h"

namespace orch::rt {

ExportResult FileMetricExporter::export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                                                std::chrono::steady_clock::time_point) {
  error_ = file_.append_encoded([&](std::string &line) { encode_otlp_metrics_json(metrics, resource, line); });
  return error_.empty() ? ExportResult::Success : ExportResult::PermanentFailure;
}

}  // namespace orch::rt
