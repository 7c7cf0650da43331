#include "export/file_exporter.h"

#include "export/otlp_json.h"

namespace orch::rt {

ExportResult FileExporter::export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                                        std::chrono::steady_clock::time_point) {
  error_ = file_.append_encoded([&](std::string &line) { encode_otlp_json(spans, resource, line); });
  return error_.empty() ? ExportResult::Success : ExportResult::PermanentFailure;
}

}  // namespace orch::rt
