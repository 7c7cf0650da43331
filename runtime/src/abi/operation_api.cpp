// op_start and op_record of orch_api_v1: the integrations' measurements for
// the semantic conventions' duration histograms, every call timed (they wrap
// I/O: a clock read at each end is small beside it).
#include <cstring>

#include "abi/span_api.h"
#include "clock.h"
#include "core/runtime.h"
#include "core/thread_state.h"

namespace orch::rt {
namespace {

void set_exemplar(OperationExemplar &x, const Record &r, uint64_t end_ticks, uint64_t ticks) {
  uint64_t ids[3];
  std::memcpy(ids, r.trace_id, 16);
  std::memcpy(ids + 2, r.span_id, 8);
  const uint32_t seq = x.seq.load(std::memory_order_relaxed);
  x.seq.store(seq + 1, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_release);
  for (int i = 0; i < 3; ++i) x.words[i].store(ids[i], std::memory_order_relaxed);
  x.words[3].store(end_ticks, std::memory_order_relaxed);
  x.words[4].store(ticks, std::memory_order_relaxed);
  x.seq.store(seq + 2, std::memory_order_release);
}

}  // namespace

uint64_t op_start() noexcept { return g_metrics_hot.enabled() ? now_ticks() | 1 : 0; }

void op_record(const orch_instrument *instrument, uint64_t start, const orch_metric_attr *attrs, uint32_t n,
               const orch_span *span) noexcept {
  if (!start || !instrument) return;
  const uint64_t end = now_ticks();
  const uint64_t ticks = end > start ? end - start : 0;
  ThreadState *ts = tls_thread_state;
  try {
    if (!ts) ts = thread_state();
  } catch (...) {
    return;
  }
  OperationSeries *s = ts->metrics.operations.series(*instrument, attrs, n);
  if (!s) return;
  // A forked child's exporter thread starts with its first measurement.
  Runtime::instance()->ensure_worker();
  s->durations.add(duration_bucket(static_cast<double>(ticks) * tick_seconds()), ticks, 1);
  if (const Record *r = span ? recording(span) : nullptr) set_exemplar(s->exemplar, *r, end, ticks);
}

}  // namespace orch::rt
