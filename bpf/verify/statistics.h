// Medians with their spread, and exact quantiles.
#pragma once

#include <cstdint>
#include <vector>

namespace orch::verify {

struct Spread {
  double median = 0, min = 0, max = 0;
};

// Of an empty list: all zero. The median of an even count is the mean of the middle two.
Spread spread_of(std::vector<double> values);

// Nearest-rank q-quantile (0 < q <= 1) of exact values; 0 for none.
uint64_t quantile(std::vector<uint64_t> values, double q);

// The median of counts, rounded down (counts of a deterministic program are all equal).
uint64_t median_count(std::vector<uint64_t> values);

} // namespace orch::verify
