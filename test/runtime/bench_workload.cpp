#include "bench_workload.h"

#include "orch/weave.h"

namespace orch::bench {
namespace {

#define BENCH_SITE(name, flags) \
  {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, name, "orch::bench::" name, __FILE__, __LINE__, 0, nullptr, nullptr, flags}

// What the span advice weaves into a body that records two arguments.
__attribute__((always_inline)) inline int64_t with_span(orch_site *site, int64_t a, int64_t b) {
  orch::weave::ScopedSpan span(site);
  span.attr("a", a);
  span.attr("b", b);
  asm volatile("" : "+r"(a), "+r"(b));
  return wrapping_step(a, b);
}

}  // namespace

__attribute__((noinline)) int64_t plain_call(int64_t a, int64_t b) {
  asm volatile("" : "+r"(a), "+r"(b));  // keep the body from being folded
  return wrapping_step(a, b);
}

__attribute__((noinline)) int64_t traced_call(int64_t a, int64_t b) {
  static orch_site site = BENCH_SITE("traced_call", 0);
  return with_span(&site, a, b);
}

__attribute__((noinline)) int64_t traced_call_without_metrics(int64_t a, int64_t b) {
  static orch_site site = BENCH_SITE("traced_call_without_metrics", ORCH_SITE_NO_METRICS);
  return with_span(&site, a, b);
}

__attribute__((noinline)) int64_t metrics_only_call(int64_t a, int64_t b) {
  static orch_site site = BENCH_SITE("metrics_only_call", ORCH_SITE_METRICS_ONLY);
  orch::weave::ScopedSpan span(&site);  // the metrics-only advice: no attributes
  asm volatile("" : "+r"(a), "+r"(b));
  return wrapping_step(a, b);
}

}  // namespace orch::bench
