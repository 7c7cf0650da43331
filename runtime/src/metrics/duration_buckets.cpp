#include "metrics/duration_buckets.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace orch::rt {
namespace {

constexpr int kMantissaBits = 52;
constexpr int kTableBits = 10;

// A double 2^e * (1 + m / 2^52) with m > 0 lies in sub-bucket s of its
// octave when bound[s] <= m < bound[s + 1], bound[s] = (2^(s/8) - 1) * 2^52
// (never exact for 0 < s < 8, so no mantissa equals a boundary). The table
// gives the sub-bucket of the lowest mantissa with the same top kTableBits
// bits; at most one boundary lies in such a slice, one comparison settles it.
struct SubBucketTable {
  std::array<uint64_t, kSubBuckets + 1> bound;
  std::array<uint8_t, 1 << kTableBits> first;

  SubBucketTable() {
    for (int s = 0; s <= kSubBuckets; ++s)
      bound[s] = static_cast<uint64_t>(std::ldexp(std::exp2(static_cast<double>(s) / kSubBuckets) - 1, kMantissaBits));
    for (uint64_t slice = 0; slice < first.size(); ++slice) {
      const uint64_t lowest = slice << (kMantissaBits - kTableBits);
      int s = 0;
      while (lowest >= bound[s + 1]) ++s;
      first[slice] = static_cast<uint8_t>(s);
    }
  }
};

const SubBucketTable g_table;

}  // namespace

int duration_bucket(double seconds) {
  const uint64_t bits = std::bit_cast<uint64_t>(seconds);
  const int exponent = static_cast<int>(bits >> kMantissaBits) - 1023;
  const uint64_t mantissa = bits & ((uint64_t{1} << kMantissaBits) - 1);
  int index;
  if (mantissa == 0) {
    index = exponent * kSubBuckets - 1;  // exactly 2^e: the upper bound of the bucket below
  } else {
    int s = g_table.first[mantissa >> (kMantissaBits - kTableBits)];
    if (mantissa >= g_table.bound[s + 1]) ++s;
    index = exponent * kSubBuckets + s;
  }
  return std::clamp(index - kFirstBucketIndex, 0, kDurationBuckets - 1);
}

}  // namespace orch::rt
