// The exported C functions of liborch_runtime.so (everything else is hidden).
// None of them throws, blocks for long (orch_flush waits at most its
// timeout) or fails on a missing runtime.
#include <cstring>

#include "orch/stats.h"

#include "abi/context_api.h"
#include "abi/span_api.h"
#include "config/resource.h"
#include "core/runtime.h"
#include "core/thread_state.h"
#include "core/trace_context.h"
#include "core/tracestate.h"

#define ORCH_EXPORT extern "C" __attribute__((visibility("default")))

using namespace orch::rt;

ORCH_EXPORT void orch_set_default_service_name(const char *name) { set_baked_service_name(name); }

ORCH_EXPORT const orch_api_v1 *orch_runtime_api_v1(void) {
  Runtime::instance();  // reads the configuration before the first span
  return &kApiV1;
}

ORCH_EXPORT size_t orch_traceparent_format(const orch_span_context *ctx, char *buf, size_t buf_len) {
  if (!ctx || !buf || buf_len < kTraceparentLength + 1 || !context_is_valid(*ctx)) return 0;
  format_traceparent(*ctx, buf);
  buf[kTraceparentLength] = '\0';
  return kTraceparentLength;
}

ORCH_EXPORT int orch_traceparent_parse(const char *value, size_t len, orch_span_context *out) {
  if (!value || !out) return 0;
  return parse_traceparent({value, len}, *out) ? 1 : 0;
}

// A tracestate handed in by the caller: count within bounds.
static bool usable(const orch_tracestate *ts) { return ts && ts->count <= ORCH_TRACESTATE_MAX_MEMBERS; }

ORCH_EXPORT int orch_tracestate_parse(const char *value, size_t len, orch_tracestate *out) {
  if (!out) return 0;
  if (!value) {
    out->count = 0;
    return 0;
  }
  return parse_tracestate({value, len}, *out) ? 1 : 0;
}

ORCH_EXPORT int orch_tracestate_set(orch_tracestate *ts, const char *key, size_t key_len, const char *value,
                                    size_t value_len) {
  if (!usable(ts) || !key || !value) return 0;
  return tracestate_set(*ts, {key, key_len}, {value, value_len}) ? 1 : 0;
}

ORCH_EXPORT const orch_tracestate_member *orch_tracestate_get(const orch_tracestate *ts, const char *key,
                                                              size_t key_len) {
  if (!usable(ts) || !key) return nullptr;
  return tracestate_get(*ts, {key, key_len});
}

ORCH_EXPORT int orch_tracestate_remove(orch_tracestate *ts, const char *key, size_t key_len) {
  if (!usable(ts) || !key) return 0;
  return tracestate_remove(*ts, {key, key_len}) ? 1 : 0;
}

ORCH_EXPORT size_t orch_tracestate_format(const orch_tracestate *ts, char *buf, size_t buf_len) {
  if (!usable(ts) || !buf) return 0;
  const size_t n = tracestate_length(*ts);
  if (n == 0 || n >= buf_len) return 0;
  format_tracestate(*ts, buf);
  buf[n] = '\0';
  return n;
}

ORCH_EXPORT int orch_current_context(orch_span_context *out) {
  ThreadState *ts = tls_thread_state;
  if (!out || !ts || !ts->current) return 0;
  *out = frame_context(*ts->current);
  return 1;
}

ORCH_EXPORT int orch_span_get_context(const orch_span *span, orch_span_context *out) {
  const Record *r = span && out ? recording(span) : nullptr;
  if (!r) return 0;
  *out = frame_context(*r);
  return 1;
}

// The calling thread's state, if `ctx` can be attached to it.
static ThreadState *attachable(const orch_span_context *ctx) {
  if (!ctx || !context_is_valid(*ctx) || !Runtime::instance()) return nullptr;
  try {
    return thread_state();
  } catch (...) {
    return nullptr;
  }
}

ORCH_EXPORT void *orch_context_attach(const orch_span_context *ctx) {
  ThreadState *ts = attachable(ctx);
  return ts ? attach_frame(ts->current, new_attached_frame(*ctx, nullptr, true)) : nullptr;
}

ORCH_EXPORT void *orch_context_attach_tracestate(const orch_span_context *ctx, const char *tracestate, size_t len) {
  ThreadState *ts = attachable(ctx);
  if (!ts) return nullptr;
  // An invalid tracestate is not propagated (W3C); the context still is.
  orch_tracestate parsed;
  const bool valid = tracestate && parse_tracestate({tracestate, len}, parsed);
  return attach_frame(ts->current, new_attached_frame(*ctx, valid ? SharedTraceState::make(parsed) : nullptr, true));
}

ORCH_EXPORT void orch_context_detach(void *token) { context_detach(token); }

ORCH_EXPORT size_t orch_current_tracestate(char *buf, size_t buf_len) {
  ThreadState *ts = tls_thread_state;
  if (!buf || !ts || !ts->current || !ts->current->trace_state) return 0;
  const std::string_view text = ts->current->trace_state->text();
  if (text.size() >= buf_len) return 0;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  return text.size();
}

ORCH_EXPORT int orch_flush(uint32_t timeout_ms) {
  try {
    Runtime *rt = Runtime::instance();
    return rt && rt->flush(timeout_ms) ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

ORCH_EXPORT size_t orch_stats_get(orch_stats *out, size_t size) {
  if (!out) return 0;
  orch_stats s{};
  try {
    if (Runtime *rt = Runtime::instance()) {
      RuntimeTotals t = rt->totals();
      s = {t.published, t.dropped, t.exported, t.export_failed, t.rejected};
    }
  } catch (...) {
  }
  size = size < sizeof s ? size : sizeof s;
  std::memcpy(out, &s, size);
  return size;
}
