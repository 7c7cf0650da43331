// OTEL_METRICS_EXPORTER=file: OTLP/JSON lines in ORCH_METRICS_FILE_PATH, one
// ExportMetricsServiceRequest per export (otlp_metrics_json.h), appended
// (line_file.h): the metrics' counterpart of the span file exporter.
#pragma once

#include <string>

#include "export/line_file.h"
#include "export/metric_exporter.h"

namespace orch::rt {

class FileMetricExporter final : public MetricExporter {
public:
  explicit FileMetricExporter(std::string path) : file_(std::move(path)) {}
  ExportResult export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                              std::chrono::steady_clock::time_point deadline) override;
  std::string last_error() const override { return error_; }

private:
  LineFile file_;
  std::string error_;
};

}  // namespace orch::rt
