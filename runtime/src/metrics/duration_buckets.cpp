#include "metrics/duration_buckets.h"

#include <algorithm>
#include <array>
#include <bit>

namespace orch::rt {
namespace {

constexpr int kMantissaBits = 52;
constexpr int kTableBits = 10;

// A double 2^e * (1 + m / 2^52) with 0 < m lies in sub-bucket s of its
// octave, (2^(e + s/8), 2^(e + (s+1)/8)], when lower[s] <= m < lower[s + 1]:
// lower[s] = floor((2^(s/8) - 1) * 2^52) + 1, computed to 80 digits (the
// products are never integers for 0 < s < 8). Constants, so that the index is
// right even for a call made before this unit's static initializers ran.
constexpr std::array<uint64_t, kSubBuckets + 1> kLower = {
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
constexpr std::array<uint8_t, 1 << kTableBits> kFirst = [] {
  std::array<uint8_t, 1 << kTableBits> first{};
  for (uint64_t slice = 0; slice < first.size(); ++slice) {
    const uint64_t lowest = std::max<uint64_t>(slice << (kMantissaBits - kTableBits), 1);
    int s = 0;
    while (lowest >= kLower[s + 1]) ++s;
    first[slice] = static_cast<uint8_t>(s);
  }
  return first;
}();

}  // namespace

int duration_bucket(double seconds) {
  const uint64_t bits = std::bit_cast<uint64_t>(seconds);
  const int exponent = static_cast<int>(bits >> kMantissaBits) - 1023;
  const uint64_t mantissa = bits & ((uint64_t{1} << kMantissaBits) - 1);
  int index;
  if (mantissa == 0) {
    index = exponent * kSubBuckets - 1;  // exactly 2^e: the upper bound of the bucket below
  } else {
    int s = kFirst[mantissa >> (kMantissaBits - kTableBits)];
    if (mantissa >= kLower[s + 1]) ++s;
    index = exponent * kSubBuckets + s;
  }
  return std::clamp(index - kFirstBucketIndex, 0, kDurationBuckets - 1);
}

}  // namespace orch::rt
