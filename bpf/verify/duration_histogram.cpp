#include "verify/duration_histogram.h"

#include <cmath>

namespace orch::verify {

void DurationHistogram::add(const DurationHistogram &other) {
  if (other.count() == 0)
    return;
  if (count() == 0)
    scale = other.scale;
  if (other.scale != scale)
    return;
  zero += other.zero;
  for (const auto &[index, n] : other.buckets)
    buckets[index] += n;
}

uint64_t DurationHistogram::count() const {
  uint64_t total = zero;
  for (const auto &[index, n] : buckets)
    total += n;
  return total;
}

uint64_t DurationHistogram::quantile_ns(double q) const {
  uint64_t total = count();
  if (total == 0)
    return 0;
  uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(total)));
  uint64_t seen = zero;
  if (rank <= seen)
    return 0;
  for (const auto &[index, n] : buckets) {
    seen += n;
    if (seen >= rank) {
      double base_log2 = std::ldexp(1.0, -scale);
      return static_cast<uint64_t>(std::llround(std::exp2((index + 0.5) * base_log2) * 1e9));
    }
  }
  return 0;
}

} // namespace orch::verify
