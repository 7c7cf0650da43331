// OTEL_TRACES_EXPORTER=console: each batch as an indented tree per trace on
// stderr, for a human watching a program run. Spans whose parent is not in
// the same batch (it ended later, or elsewhere) start a tree of their own.
#pragma once

#include <cstdio>

#include "export/exporter.h"

namespace orch::rt {

class ConsoleExporter final : public Exporter {
public:
  explicit ConsoleExporter(std::FILE *out = stderr) : out_(out) {}
  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                            std::chrono::steady_clock::time_point deadline) override;

private:
  std::FILE *out_;
};

}  // namespace orch::rt
