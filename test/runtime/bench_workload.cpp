#include "bench_workload.h"

#include "orch/weave.h"

namespace orch::bench {

__attribute__((noinline)) int64_t plain_call(int64_t a, int64_t b) {
  asm volatile("" : "+r"(a), "+r"(b));  // keep the body from being folded
  return a * 31 + b;
}

__attribute__((noinline)) int64_t traced_call(int64_t a, int64_t b) {
  static orch_site site = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "traced_call", "orch::bench::traced_call",
                           __FILE__, __LINE__, 0, nullptr, nullptr, 0};
  orch::weave::ScopedSpan span(&site);
  span.attr("a", a);
  span.attr("b", b);
  asm volatile("" : "+r"(a), "+r"(b));
  return a * 31 + b;
}

}  // namespace orch::bench
