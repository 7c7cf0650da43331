// Quantiles of the runtime's duration histograms (OTLP base-2 exponential).
#include <gtest/gtest.h>

#include <cmath>

#include "verify/duration_histogram.h"

using orch::verify::DurationHistogram;

namespace {

// The OTLP index of `seconds` at `scale`: bucket i is (base^i, base^(i+1)].
int32_t index_of(double seconds, int scale) {
  return static_cast<int32_t>(std::ceil(std::log2(seconds) * std::ldexp(1.0, scale))) - 1;
}

} // namespace

TEST(DurationHistogram, QuantileIsTheMidpointOfTheRanksBucket) {
  DurationHistogram h;
  h.scale = 3;
  h.buckets[index_of(100e-9, 3)] = 98;  // 98 calls of 100 ns
  h.buckets[index_of(5e-3, 3)] = 2;     // 2 calls of 5 ms
  EXPECT_EQ(h.count(), 100u);
  EXPECT_NEAR(static_cast<double>(h.quantile_ns(0.5)), 100.0, 4.5);   // within 4.4% at scale 3
  EXPECT_NEAR(static_cast<double>(h.quantile_ns(0.98)), 100.0, 4.5);
  EXPECT_NEAR(static_cast<double>(h.quantile_ns(0.99)), 5e6, 5e6 * 0.045);
}

TEST(DurationHistogram, AddsRunsOfOneScaleAndIgnoresAnother) {
  DurationHistogram a, b, other;
  a.scale = b.scale = 3;
  other.scale = 2;
  a.buckets[-190] = 3;
  b.buckets[-190] = 2;
  b.zero = 1;
  other.buckets[-95] = 7;
  DurationHistogram total;
  total.add(a);
  total.add(b);
  total.add(other);
  EXPECT_EQ(total.scale, 3);
  EXPECT_EQ(total.count(), 6u);
  EXPECT_EQ(total.buckets.at(-190), 5u);
  EXPECT_EQ(DurationHistogram().quantile_ns(0.5), 0u);
}
