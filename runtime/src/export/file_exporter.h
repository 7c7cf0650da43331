// OTEL_TRACES_EXPORTER=file: OTLP/JSON lines in ORCH_FILE_EXPORTER_PATH, one
// ExportTraceServiceRequest per line (the encoding of the OTLP exporter's
// http/json protocol, see otlp_json.h). The file is opened for appending, so
// a forked child and its parent can share it: each batch is one write(2).
#pragma once

#include <string>

#include "export/exporter.h"

namespace orch::rt {

class FileExporter final : public Exporter {
public:
  explicit FileExporter(std::string path);
  ~FileExporter() override;
  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                            std::chrono::steady_clock::time_point deadline) override;
  std::string last_error() const override { return error_; }

private:
  std::string path_;
  int fd_ = -1;
  std::string line_;
  std::string error_;
};

}  // namespace orch::rt
