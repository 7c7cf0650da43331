// The workload of the hot-path benchmarks: one small function, built plain
// and instrumented the way orch's span advice instruments a C++ function
// (a static orch_site and a ScopedSpan from orch/weave.h, two attributes from
// the arguments). Both live in bench_workload.cpp, compiled once, so the
// compiler treats them alike.
#pragma once

#include <cstdint>

namespace orch::bench {

int64_t plain_call(int64_t a, int64_t b);
int64_t traced_call(int64_t a, int64_t b);

}  // namespace orch::bench
