#include "export/file_exporter.h"

#include "export/otlp_json.h"

namespace orch::rt {

ExportResult FileExporter::export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                                        std::chrono::steady_clock::time_point) {
  try {
    encode_otlp_json(spans, resource, line_);
    line_ += '\n';
    error_ = file_.append(line_);
  } catch (...) {
    error_ = "out of memory while encoding";
  }
  return error_.empty() ? ExportResult::Success : ExportResult::PermanentFailure;
}

}  // namespace orch::rt
