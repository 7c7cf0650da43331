#include "export/histogram_quantile.h"

#include <algorithm>
#include <cmath>

namespace orch::rt {
namespace {

// The rank of quantile q among `count` values, in (0, count].
double rank_of(double q, uint64_t count) {
  return std::max(std::clamp(q, 0.0, 1.0) * static_cast<double>(count), 0.5);
}

}  // namespace

double estimate_quantile(const ExplicitPointView &p, double q) {
  if (!p.count) return 0;
  const double rank = rank_of(q, p.count);
  const size_t n = std::min(p.bucket_counts.size(), p.explicit_bounds.size() + 1);
  double below = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto in_bucket = static_cast<double>(p.bucket_counts[i]);
    if (in_bucket == 0 || below + in_bucket < rank) {
      below += in_bucket;
      continue;
    }
    // The first and last buckets are unbounded: min and max bound them.
    const double lower = i == 0 ? p.min : std::max(p.min, p.explicit_bounds[i - 1]);
    const double upper = i == p.explicit_bounds.size() ? p.max : std::min(p.max, p.explicit_bounds[i]);
    return std::clamp(lower + (upper - lower) * (rank - below) / in_bucket, p.min, p.max);
  }
  return p.max;
}

double estimate_quantile(const ExponentialPointView &p, double q) {
  if (!p.count) return 0;
  const double rank = rank_of(q, p.count);
  double below = static_cast<double>(p.zero_count);
  if (rank <= below) return std::max(0.0, p.min);
  const double log2_base = std::exp2(-p.scale);  // base = 2^(2^-scale)
  for (size_t i = 0; i < p.positive_counts.size(); ++i) {
    const auto in_bucket = static_cast<double>(p.positive_counts[i]);
    if (in_bucket == 0 || below + in_bucket < rank) {
      below += in_bucket;
      continue;
    }
    // Bucket i holds (base^(offset+i), base^(offset+i+1)].
    const double index = p.positive_offset + static_cast<double>(i) + (rank - below) / in_bucket;
    return std::clamp(std::exp2(index * log2_base), p.min, p.max);
  }
  return p.max;
}

}  // namespace orch::rt
