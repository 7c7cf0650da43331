#include "export/histogram_quantile.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_metrics.h"

namespace orch::test {
namespace {

using rt::estimate_quantile;

TEST(HistogramQuantile, ExplicitBucketsInterpolateLinearlyAndMinMaxBoundTheOpenEnds) {
  SampleMetrics sample;  // counts 3 | 5 | 1 | 1 over bounds 0.01, 0.1, 1; min 0.002, max 1.5
  const rt::ExplicitPointView &p = sample.explicit_[0];
  EXPECT_DOUBLE_EQ(estimate_quantile(p, 0.5), 0.01 + 0.09 * 2 / 5);
  EXPECT_DOUBLE_EQ(estimate_quantile(p, 0.99), 1 + 0.5 * 0.9);
  EXPECT_DOUBLE_EQ(estimate_quantile(p, 0.1), 0.002 + 0.008 / 3);
  EXPECT_DOUBLE_EQ(estimate_quantile(p, 1), 1.5);
}

TEST(HistogramQuantile, ExponentialBucketsInterpolateGeometrically) {
  SampleMetrics sample;  // zero 1, then 2 | 0 | 3 | 4 from bucket -20 at scale 3; max 0.24
  const rt::ExponentialPointView &p = sample.exponential[0];
  EXPECT_DOUBLE_EQ(estimate_quantile(p, 0.1), 0);
  EXPECT_DOUBLE_EQ(estimate_quantile(p, 0.5), std::exp2((-20 + 2 + 2.0 / 3) / 8));
  EXPECT_DOUBLE_EQ(estimate_quantile(p, 1), 0.24) << "2^(-16/8), clamped to max";
}

TEST(HistogramQuantile, EmptyPointsGiveZero) {
  EXPECT_EQ(estimate_quantile(rt::ExplicitPointView{}, 0.5), 0);
  EXPECT_EQ(estimate_quantile(rt::ExponentialPointView{}, 0.5), 0);
}

}  // namespace
}  // namespace orch::test
