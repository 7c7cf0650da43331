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

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

namespace orch::rt {

constexpr int kHistogramScale = 3;
constexpr int kSubBuckets = 1 << kHistogramScale;
constexpr int kMinExponent = -30;
constexpr int kMaxExponent = 10;
constexpr int kDurationBuckets = (kMaxExponent - kMinExponent) * kSubBuckets;
constexpr int32_t kFirstBucketIndex = kMinExponent * kSubBuckets;  // OTLP index of position 0

namespace detail {

inline constexpr int kMantissaBits = 52;
inline constexpr int kTableBits = 10;

// A double 2^e * (1 + m / 2^52) with 0 < m lies in sub-bucket s of its
// octave, (2^(e + s/8), 2^(e + (s+1)/8)], when lower[s] <= m < lower[s + 1]:
// lower[s] = floor((2^(s/8) - 1) * 2^52) + 1, computed to 80 digits (the
// products are never integers for 0 < s < 8). Constants, so that the index is
// right even for a call made before any static initializer ran.
inline constexpr std::array<uint64_t, kSubBuckets + 1> kLower = {
    1,
    407610591105403,
    852113092622102,
    1336846507715112,
    1865452045155277,
    2441900471263452,
    3070521937417134,
    3756038507177096,
    uint64_t{1} << kMantissaBits,  // the next octave
};

// The sub-bucket of the lowest mantissa with the same top kTableBits bits: at
// most one bound lies in such a slice, so one comparison settles the rest.
inline constexpr std::array<uint8_t, 1 << kTableBits> kFirst = [] {
  std::array<uint8_t, 1 << kTableBits> first{};
  for (uint64_t slice = 0; slice < first.size(); ++slice) {
    const uint64_t lowest = std::max<uint64_t>(slice << (kMantissaBits - kTableBits), 1);
    int s = 0;
    while (lowest >= kLower[s + 1]) ++s;
    first[slice] = static_cast<uint8_t>(s);
  }
  return first;
}();

}  // namespace detail

// The position in [0, kDurationBuckets) of a duration > 0 seconds: its OTLP
// bucket index minus kFirstBucketIndex, clamped to the range. Exact at the
// bucket boundaries (no logarithm is computed). Inline: it runs at every
// sampled span's end.
inline int duration_bucket(double seconds) {
  const uint64_t bits = std::bit_cast<uint64_t>(seconds);
  const int exponent = static_cast<int>(bits >> detail::kMantissaBits) - 1023;
  const uint64_t mantissa = bits & ((uint64_t{1} << detail::kMantissaBits) - 1);
  int index;
  if (mantissa == 0) {
    index = exponent * kSubBuckets - 1;  // exactly 2^e: the upper bound of the bucket below
  } else {
    int s = detail::kFirst[mantissa >> (detail::kMantissaBits - detail::kTableBits)];
    if (mantissa >= detail::kLower[s + 1]) ++s;
    index = exponent * kSubBuckets + s;
  }
  return std::clamp(index - kFirstBucketIndex, 0, kDurationBuckets - 1);
}

}  // namespace orch::rt
