// Collected metrics as the metric exporters see them: plain views, valid only
// for the duration of one MetricExporter::export_metrics call (the runtime
// core owns the storage). The shapes follow OTLP's metrics data model
// (opentelemetry-proto metrics/v1).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "span_data.h"

namespace orch::rt {

// OTLP AggregationTemporality (same numbers).
enum class Temporality : uint8_t { Delta = 1, Cumulative = 2 };

// OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE (metrics SDK exporter
// spec): which temporality each instrument kind is exported with.
enum class TemporalityPreference : uint8_t { Cumulative, Delta, LowMemory };

// A trace sampled while the measurement was taken (OTLP Exemplar).
struct ExemplarView {
  uint64_t time_unix_nano = 0;
  double value = 0;  // as_double
  uint8_t trace_id[16] = {};
  uint8_t span_id[8] = {};
};

// OTLP NumberDataPoint with as_int (counters of calls and errors).
struct SumPointView {
  std::span<const AttrView> attributes;
  uint64_t start_unix_nano = 0;
  uint64_t time_unix_nano = 0;
  int64_t value = 0;
};

// OTLP ExponentialHistogramDataPoint. Only positive buckets are used (a
// duration is never negative); durations of exactly 0 go to zero_count.
struct ExponentialPointView {
  std::span<const AttrView> attributes;
  uint64_t start_unix_nano = 0;
  uint64_t time_unix_nano = 0;
  uint64_t count = 0;
  double sum = 0;
  double min = 0;  // meaningful when count > 0
  double max = 0;
  int32_t scale = 0;
  uint64_t zero_count = 0;
  int32_t positive_offset = 0;
  std::span<const uint64_t> positive_counts;  // bucket i: (base^(offset+i), base^(offset+i+1)]
  std::span<const ExemplarView> exemplars;
};

// OTLP HistogramDataPoint (explicit bucket boundaries).
struct ExplicitPointView {
  std::span<const AttrView> attributes;
  uint64_t start_unix_nano = 0;
  uint64_t time_unix_nano = 0;
  uint64_t count = 0;
  double sum = 0;
  double min = 0;  // meaningful when count > 0
  double max = 0;
  std::span<const double> explicit_bounds;
  std::span<const uint64_t> bucket_counts;  // explicit_bounds.size() + 1 entries
  std::span<const ExemplarView> exemplars;
};

enum class MetricType : uint8_t { Sum, ExponentialHistogram, Histogram };

// One OTLP Metric: exactly one of the point spans is used, by `type`.
struct MetricView {
  std::string_view name;
  std::string_view description;
  std::string_view unit;
  MetricType type = MetricType::Sum;
  Temporality temporality = Temporality::Cumulative;
  bool monotonic = true;  // Sum only
  std::span<const SumPointView> sum_points;
  std::span<const ExponentialPointView> exponential_points;
  std::span<const ExplicitPointView> explicit_points;
};

}  // namespace orch::rt
