// Duration totals summed over threads, and the OTLP histogram points made
// from them (base-2 exponential at orch's scale, or explicit buckets, as
// configured). Shared by the sites' metrics and the integrations' ones.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <string_view>
#include <vector>

#include "clock.h"
#include "config/metrics_config.h"
#include "metric_data.h"
#include "metrics/site_cell.h"

namespace orch::rt {

struct DurationTotals {
  std::array<uint64_t, kDurationBuckets> buckets{};
  uint64_t sum_ticks = 0;
  uint64_t min_ticks = UINT64_MAX;
  uint64_t max_ticks = 0;
  uint64_t count() const;
  void add(const DurationCounts &d);
  void add(const DurationTotals &d);
  void add_one(uint64_t ticks, double seconds_per_tick);
};

class HistogramPoints {
public:
  HistogramPoints(HistogramAggregation aggregation, std::vector<double> bounds)
      : aggregation_(aggregation), bounds_(std::move(bounds)) {}

  // One histogram's points, of the configured type.
  struct Points {
    std::vector<ExponentialPointView> exponential;
    std::vector<ExplicitPointView> explicit_;
    bool empty() const { return exponential.empty() && explicit_.empty(); }
  };

  // A point of `now` (minus `before` for a delta point; nullptr: cumulative),
  // unless it counts nothing. Its buckets live until clear().
  void add(Points &into, std::span<const AttrView> attrs, const DurationTotals &now, const DurationTotals *before,
           std::span<const ExemplarView> exemplars, const TickClock &clock, uint64_t start, uint64_t time);
  // The metric of these points.
  MetricView metric(const Points &points, std::string_view name, std::string_view description, std::string_view unit,
                    Temporality temporality) const;
  void clear() { counts_.clear(); }

private:
  const HistogramAggregation aggregation_;
  const std::vector<double> bounds_;
  std::deque<std::vector<uint64_t>> counts_;
};

}  // namespace orch::rt
