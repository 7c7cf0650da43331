#include "export/file_metric_exporter.h"

#include "export/otlp_metrics_json.h"

namespace orch::rt {

ExportResult FileMetricExporter::export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                                                std::chrono::steady_clock::time_point) {
  try {
    encode_otlp_metrics_json(metrics, resource, line_);
    line_ += '\n';
    error_ = file_.append(line_);
  } catch (...) {
    error_ = "out of memory while encoding";
  }
  return error_.empty() ? ExportResult::Success : ExportResult::PermanentFailure;
}

}  // namespace orch::rt
