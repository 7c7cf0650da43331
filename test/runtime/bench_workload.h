// The workload of the hot-path benchmarks: one small function, built plain
// and instrumented the way orch's span advice instruments a C++ function
// (a static orch_site and a ScopedSpan from orch/weave.h, two attributes from
// the arguments), with and without its metrics (`metrics: false`), and the
// way the metrics-only advice does. All live in bench_workload.cpp, compiled
// once, so the compiler treats them alike.
#pragma once

#include <cstdint>

namespace orch::bench {

// The body's arithmetic, a * 31 + b: the callers feed each result back in, so
// it wraps, in unsigned arithmetic (signed overflow would be undefined; UBSan
// stops runtime.throughput_accounting on it). The same instructions either way.
inline int64_t wrapping_step(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * 31 + static_cast<uint64_t>(b));
}

int64_t plain_call(int64_t a, int64_t b);
int64_t traced_call(int64_t a, int64_t b);
int64_t traced_call_without_metrics(int64_t a, int64_t b);
int64_t metrics_only_call(int64_t a, int64_t b);

}  // namespace orch::bench
