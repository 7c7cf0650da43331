// The function table handed out by orch_runtime_api_v1().
#pragma once

#include <cstdint>

#include "core/record.h"
#include "metrics/thread_metrics.h"
#include "orch/orch.h"

namespace orch::rt {

extern const orch_api_v1 kApiV1;

// What orch_span::rec holds: nothing, a span's Record, or a call timed for
// metrics (tagged with ORCH_SPAN_TIMED_CALL).
inline bool is_timed_call(const void *rec) { return reinterpret_cast<uintptr_t>(rec) & ORCH_SPAN_TIMED_CALL; }
inline TimedCall *timed_call(const void *rec) {
  return reinterpret_cast<TimedCall *>(reinterpret_cast<uintptr_t>(rec) & ~uintptr_t{ORCH_SPAN_TIMED_CALL});
}
// The span's Record when the span is being recorded.
inline Record *recording(const orch_span *span) {
  auto *r = static_cast<Record *>(span->rec);
  return (r && !is_timed_call(r) && r->kind == FrameKind::Recording) ? r : nullptr;
}

// The integrations' semantic-conventions histograms (operation_api.cpp).
uint64_t op_start() noexcept;
void op_record(const orch_instrument *instrument, uint64_t start, const orch_metric_attr *attrs, uint32_t n,
               const orch_span *span) noexcept;

}  // namespace orch::rt
