// OTEL_TRACES_EXPORTER=file: OTLP/JSON lines in ORCH_FILE_EXPORTER_PATH, one
// ExportTraceServiceRequest per line (the encoding of the OTLP exporter's
// http/json protocol, see otlp_json.h), appended (line_file.h).
#pragma once

#include <string>

#include "export/exporter.h"
#include "export/line_file.h"

namespace orch::rt {

class FileExporter final : public Exporter {
public:
  explicit FileExporter(std::string path) : file_(std::move(path)) {}
  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                            std::chrono::steady_clock::time_point deadline) override;
  std::string last_error() const override { return error_; }

private:
  LineFile file_;
  std::string error_;
};

}  // namespace orch::rt
