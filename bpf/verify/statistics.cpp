#include "verify/statistics.h"

#include <algorithm>
#include <cmath>

namespace orch::verify {

Spread spread_of(std::vector<double> values) {
  Spread spread;
  if (values.empty())
    return spread;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  spread.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  spread.min = values.front();
  spread.max = values.back();
  return spread;
}

uint64_t quantile(std::vector<uint64_t> values, double q) {
  if (values.empty())
    return 0;
  size_t rank = static_cast<size_t>(std::ceil(q * values.size()));
  rank = std::clamp<size_t>(rank, 1, values.size());
  std::nth_element(values.begin(), values.begin() + (rank - 1), values.end());
  return values[rank - 1];
}

uint64_t median_count(std::vector<uint64_t> values) {
  if (values.empty())
    return 0;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace orch::verify
