#include "export/fanout_exporter.h"

#include <algorithm>

namespace orch::rt {

ExportResult FanoutExporter::export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                                          std::chrono::steady_clock::time_point deadline) {
  ExportResult result = ExportResult::Success;
  last_error_.clear();
  for (const auto &e : exporters_) {
    const ExportResult r = e->export_spans(spans, resource, deadline);
    if (r == ExportResult::Success) continue;
    if (result == ExportResult::Success) result = r;
    if (!last_error_.empty()) last_error_ += "; ";
    last_error_ += e->last_error();
  }
  return result;
}

uint64_t FanoutExporter::rejected_spans() const {
  uint64_t most = 0;
  for (const auto &e : exporters_) most = std::max(most, e->rejected_spans());
  return most;
}

void FanoutExporter::program_exiting() {
  for (const auto &e : exporters_) e->program_exiting();
}

std::string FanoutExporter::partial_error() const {
  for (const auto &e : exporters_)
    if (e->rejected_spans()) return e->partial_error();
  return {};
}

}  // namespace orch::rt
