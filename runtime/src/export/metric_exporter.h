// The interface between the metrics collection and the metric exporters
// (otlp over http/protobuf or http/json, console, file).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "config/metrics_config.h"
#include "export/exporter.h"
#include "metric_data.h"

namespace orch::rt {

class MetricExporter {
public:
  virtual ~MetricExporter() = default;
  // Called from the single exporter thread only. Must return by `deadline`
  // (retries included) and never throw.
  virtual ExportResult export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                                      std::chrono::steady_clock::time_point deadline) = 0;
  // A short human-readable reason for the last failure (for the exit report).
  virtual std::string last_error() const { return {}; }
  // Of the data points of the last successful export, how many the receiver
  // refused (OTLP partial success); its reason is in partial_error().
  virtual uint64_t rejected_data_points() const { return 0; }
  virtual std::string partial_error() const { return {}; }
  // Same contract as Exporter::program_exiting.
  virtual void program_exiting() {}
  // The last export was not tried: at exit, the trace export had found the
  // same collector unreachable.
  virtual bool skipped_unreachable_collector() const { return false; }
};

// The exporter OTEL_METRICS_EXPORTER selects (several: each gets every
// export); nullptr when the list is empty. Runs on the exporter thread.
std::unique_ptr<MetricExporter> make_configured_metric_exporter(const MetricsConfig &config);

}  // namespace orch::rt
