// OTEL_METRICS_EXPORTER=console: each export as text on stderr (where the
// console span exporter writes), for a human watching a program run. One
// block per metric, one line per data point:
//
//   orch.calls {call}  sum, monotonic, cumulative
//       code.function.name="handle"  1200
//   orch.duration s  exponential histogram, delta
//       code.function.name="handle"  count 1200  sum 3.2 s  min 120 us  max 48 ms  p50 1.9 ms  p90 6.1 ms  p99 31 ms
//
// Quantiles are estimates from the buckets (histogram_quantile.h).
#pragma once

#include <cstdio>

#include "export/metric_exporter.h"

namespace orch::rt {

class ConsoleMetricExporter final : public MetricExporter {
public:
  explicit ConsoleMetricExporter(std::FILE *out = stderr) : out_(out) {}
  ExportResult export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                              std::chrono::steady_clock::time_point deadline) override;

private:
  std::FILE *out_;
};

}  // namespace orch::rt
