// Several exporters at once (OTEL_TRACES_EXPORTER=otlp,console): each batch
// goes to every one of them, in order.
#pragma once

#include <memory>
#include <vector>

#include "export/exporter.h"

namespace orch::rt {

class FanoutExporter final : public Exporter {
public:
  explicit FanoutExporter(std::vector<std::unique_ptr<Exporter>> exporters) : exporters_(std::move(exporters)) {}

  // Success only if every exporter succeeded; otherwise the first failure's
  // result, and last_error() names the failures.
  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                            std::chrono::steady_clock::time_point deadline) override;
  std::string last_error() const override { return last_error_; }
  // The largest count any exporter reported: every one received every span.
  uint64_t rejected_spans() const override;
  std::string partial_error() const override;
  void program_exiting() override;

private:
  std::vector<std::unique_ptr<Exporter>> exporters_;
  std::string last_error_;
};

}  // namespace orch::rt
