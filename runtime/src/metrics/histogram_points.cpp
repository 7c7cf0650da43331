#include "metrics/histogram_points.h"

#include <algorithm>
#include <cmath>

namespace orch::rt {
namespace {

// The lower bound in seconds of a bucket position (its OTLP bucket's base^index).
double bucket_lower_bound(int position) {
  return std::exp2(static_cast<double>(position + kFirstBucketIndex) / kSubBuckets);
}

}  // namespace

uint64_t DurationTotals::count() const {
  uint64_t n = 0;
  for (uint64_t b : buckets) n += b;
  return n;
}

void DurationTotals::add(const DurationCounts &d) {
  for (int i = 0; i < kDurationBuckets; ++i) buckets[i] += d.buckets[i].get();
  sum_ticks += d.sum_ticks.get();
  min_ticks = std::min(min_ticks, d.min_ticks.load(std::memory_order_relaxed));
  max_ticks = std::max(max_ticks, d.max_ticks.load(std::memory_order_relaxed));
}

void DurationTotals::add(const DurationTotals &d) {
  for (int i = 0; i < kDurationBuckets; ++i) buckets[i] += d.buckets[i];
  sum_ticks += d.sum_ticks;
  min_ticks = std::min(min_ticks, d.min_ticks);
  max_ticks = std::max(max_ticks, d.max_ticks);
}

void DurationTotals::add_one(uint64_t ticks, double seconds_per_tick) {
  ++buckets[duration_bucket(static_cast<double>(ticks) * seconds_per_tick)];
  sum_ticks += ticks;
  min_ticks = std::min(min_ticks, ticks);
  max_ticks = std::max(max_ticks, ticks);
}

void HistogramPoints::add(Points &into, std::span<const AttrView> attrs, const DurationTotals &now,
                          const DurationTotals *before, std::span<const ExemplarView> exemplars,
                          const TickClock &clock, uint64_t start, uint64_t time) {
  std::array<uint64_t, kDurationBuckets> buckets = now.buckets;
  uint64_t sum_ticks = now.sum_ticks;
  if (before) {
    for (int i = 0; i < kDurationBuckets; ++i) buckets[i] -= before->buckets[i];
    sum_ticks -= before->sum_ticks;
  }
  uint64_t count = 0;
  int first = kDurationBuckets, last = -1;
  for (int i = 0; i < kDurationBuckets; ++i) {
    if (!buckets[i]) continue;
    count += buckets[i];
    first = std::min(first, i);
    last = i;
  }
  if (!count) return;
  const double spt = clock.seconds_per_tick();
  // A delta point's min and max would be those of the interval, which the
  // threads do not keep: they are given for cumulative points only.
  const bool extremes = !before && now.min_ticks <= now.max_ticks;
  // The fields both point types have.
  auto common = [&](auto &p) {
    p.attributes = attrs;
    p.start_unix_nano = start;
    p.time_unix_nano = time;
    p.count = count;
    p.sum = static_cast<double>(sum_ticks) * spt;
    if (extremes) {
      p.min = static_cast<double>(now.min_ticks) * spt;
      p.max = static_cast<double>(now.max_ticks) * spt;
    }
    p.exemplars = exemplars;
  };
  if (aggregation_ == HistogramAggregation::Base2Exponential) {
    ExponentialPointView p;
    common(p);
    p.scale = kHistogramScale;
    p.positive_offset = kFirstBucketIndex + first;
    p.positive_counts = counts_.emplace_back(buckets.begin() + first, buckets.begin() + last + 1);
    into.exponential.push_back(p);
    return;
  }
  // Explicit buckets from the exponential ones: each exponential bucket goes
  // where its lower bound does, so a duration within one exponential bucket
  // (≤ 9%) of an explicit boundary may be counted on its other side.
  std::vector<uint64_t> &counts = counts_.emplace_back(bounds_.size() + 1, 0);
  for (int i = first; i <= last; ++i) {
    const double low = bucket_lower_bound(i);
    counts[std::upper_bound(bounds_.begin(), bounds_.end(), low) - bounds_.begin()] += buckets[i];
  }
  ExplicitPointView p;
  common(p);
  p.explicit_bounds = bounds_;
  p.bucket_counts = counts;
  into.explicit_.push_back(p);
}

MetricView HistogramPoints::metric(const Points &points, std::string_view name, std::string_view description,
                                   std::string_view unit, Temporality temporality) const {
  MetricView m;
  m.name = name;
  m.description = description;
  m.unit = unit;
  m.temporality = temporality;
  m.type = aggregation_ == HistogramAggregation::Base2Exponential ? MetricType::ExponentialHistogram
                                                                   : MetricType::Histogram;
  m.exponential_points = points.exponential;
  m.explicit_points = points.explicit_;
  return m;
}

}  // namespace orch::rt
