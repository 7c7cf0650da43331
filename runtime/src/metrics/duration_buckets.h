// The buckets of orch's duration histograms: OTLP base-2 exponential buckets
// at one fixed scale over a fixed range, so that every thread and site shares
// one bucket layout and merging is adding.
//
// Scale 3: base 2^(1/8), bucket i covers (base^i, base^(i+1)] seconds, and a
// value reported as its bucket's geometric midpoint is within 4.4% of the
// true value (the semantic conventions' ≤ 5%). Range 2^-30 s (0.93 ns) to
// 2^10 s (17 min): shorter durations count in the first bucket, longer ones
// in the last.
#pragma once

#include <cstdint>

namespace orch::rt {

constexpr int kHistogramScale = 3;
constexpr int kSubBuckets = 1 << kHistogramScale;
constexpr int kMinExponent = -30;
constexpr int kMaxExponent = 10;
constexpr int kDurationBuckets = (kMaxExponent - kMinExponent) * kSubBuckets;
constexpr int32_t kFirstBucketIndex = kMinExponent * kSubBuckets;  // OTLP index of position 0

// The position in [0, kDurationBuckets) of a duration > 0 seconds: its OTLP
// bucket index minus kFirstBucketIndex, clamped to the range. Exact at the
// bucket boundaries (no logarithm is computed).
int duration_bucket(double seconds);

}  // namespace orch::rt
