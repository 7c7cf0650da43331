// Quantiles estimated from a histogram's buckets, for the console metric
// exporter: the bucket holding the rank is found from the cumulative counts,
// the value interpolated within it (linearly for explicit bounds,
// geometrically for exponential buckets) and clamped to [min, max].
#pragma once

#include "metric_data.h"

namespace orch::rt {

// q in [0, 1]; meaningful when p.count > 0 (0 otherwise).
double estimate_quantile(const ExplicitPointView &p, double q);
double estimate_quantile(const ExponentialPointView &p, double q);

}  // namespace orch::rt
