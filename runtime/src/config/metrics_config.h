// Configuration of the metrics path, read once from the OpenTelemetry
// variables (SDK environment variables spec, metrics part) and orch's own.
// A bad value produces one warning and the default; it never stops the program.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/env.h"
#include "metric_data.h"

namespace orch::rt {

enum class MetricExporterKind { Otlp, Console, File };

enum class HistogramAggregation { Base2Exponential, ExplicitBuckets };

struct MetricsConfig {
  // OTEL_METRICS_EXPORTER, in the order given, each once; empty for `none`:
  // no metric is recorded then (nor under OTEL_SDK_DISABLED, Config::disabled).
  std::vector<MetricExporterKind> exporters{MetricExporterKind::Otlp};
  std::string file_path = "orch-metrics.jsonl";  // ORCH_METRICS_FILE_PATH
  uint32_t interval_ms = 60000;  // OTEL_METRIC_EXPORT_INTERVAL
  uint32_t timeout_ms = 30000;   // OTEL_METRIC_EXPORT_TIMEOUT
  // OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE
  TemporalityPreference temporality = TemporalityPreference::Cumulative;
  // OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION:
  // base2_exponential_bucket_histogram (orch's default) or explicit_bucket_histogram.
  HistogramAggregation histogram = HistogramAggregation::Base2Exponential;
  // ORCH_METRICS_HISTOGRAM_BOUNDARIES: explicit bucket boundaries in seconds,
  // strictly increasing ("0.001,0.01,0.1,1"). Default: the semantic
  // conventions' advice for http.server.request.duration.
  std::vector<double> explicit_bounds{0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};
};

MetricsConfig metrics_config_from_env(const EnvReader &env);

// The temporality of a synchronous Counter and of a Histogram under a
// preference: cumulative, else delta (lowmemory: delta for both).
Temporality temporality_for(TemporalityPreference preference);

}  // namespace orch::rt
