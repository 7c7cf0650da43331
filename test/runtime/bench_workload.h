// The workload of the hot-path benchmarks: one small function, built plain
// and instrumented the way orch's span advice instruments a C++ function
// (a static orch_site and a ScopedSpan from orch/weave.h, two attributes from
// the arguments), with and without its metrics (`metrics: false`), and the
// way the metrics-only advice does. All live in bench_workload.cpp, compiled
// once, so the compiler treats them alike.
#pragma once

#include <cstdint>

namespace orch::bench {

int64_t plain_call(int64_t a, int64_t b);
int64_t traced_call(int64_t a, int64_t b);
int64_t traced_call_without_metrics(int64_t a, int64_t b);
int64_t metrics_only_call(int64_t a, int64_t b);

}  // namespace orch::bench
