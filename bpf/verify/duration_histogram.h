// A site's call durations as the runtime's metrics hold them: an OTLP base-2
// exponential histogram (orch.function.duration, orch.call_site.duration).
#pragma once

#include <cstdint>
#include <map>

namespace orch::verify {

struct DurationHistogram {
  int scale = 0;                       // base 2^(2^-scale); one scale per histogram
  uint64_t zero = 0;                   // durations of 0
  std::map<int32_t, uint64_t> buckets; // OTLP index i: (base^i, base^(i+1)] seconds

  // Adds another histogram of the same scale (a mismatched one is ignored:
  // the runtime uses one scale everywhere).
  void add(const DurationHistogram &other);
  uint64_t count() const;
  // The q-quantile (0 < q <= 1) as the geometric midpoint of the bucket that
  // holds its rank (within 4.4% at scale 3); 0 for an empty histogram.
  uint64_t quantile_ns(double q) const;
};

} // namespace orch::verify
