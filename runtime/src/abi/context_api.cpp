// A captured context is a copy of the current frame's ids and flags, so it
// stays valid when the span ends, on any thread; `state` holds the one thing it
// shares with the frame, the frame's tracestate (a counted reference). Without
// a tracestate it points to a static marker, so that capturing costs no
// allocation and no atomic operation. Attaching pushes an attached frame, as
// orch_context_attach does for a remote parent, flagged local unless the
// captured frame was itself a remote parent.
#include "abi/context_api.h"

#include <cstring>

#include "core/runtime.h"
#include "core/thread_state.h"
#include "core/trace_context.h"

namespace orch::rt {
namespace {

// `state` of a context captured without a tracestate.
const char kNoTraceState = 0;

const SharedTraceState *trace_state_of(const orch_captured_context &c) {
  return c.state == &kNoTraceState ? nullptr : static_cast<const SharedTraceState *>(c.state);
}

void clear(orch_captured_context *c) { std::memset(c, 0, sizeof *c); }

}  // namespace

void context_capture(orch_captured_context *out) noexcept {
  if (!out) return;
  ThreadState *ts = tls_thread_state;
  const Frame *f = ts ? ts->current : nullptr;
  if (!f || g_hot.is_off()) return clear(out);
  out->span = frame_context(*f);
  out->state = f->trace_state ? static_cast<const void *>(f->trace_state->retain()) : &kNoTraceState;
}

void context_copy(orch_captured_context *dst, const orch_captured_context *src) noexcept {
  if (!dst) return;
  if (!src || !src->state) return clear(dst);
  if (const SharedTraceState *s = trace_state_of(*src)) s->retain();
  *dst = *src;
}

void context_release(orch_captured_context *c) noexcept {
  if (!c || !c->state) return;
  SharedTraceState::release(trace_state_of(*c));
  clear(c);
}

void *context_attach(const orch_captured_context *c) noexcept {
  if (!c || !c->state || g_hot.is_off()) return nullptr;
  ThreadState *ts = tls_thread_state;
  if (!ts) {
    try {
      ts = thread_state();
    } catch (...) {
    }
    if (!ts) return nullptr;
  }
  const SharedTraceState *trace_state = trace_state_of(*c);
  if (trace_state) trace_state->retain();
  return attach_frame(ts->current, new_attached_frame(c->span, trace_state, c->span.is_remote != 0));
}

void context_detach(void *token) noexcept {
  ThreadState *ts = tls_thread_state;
  auto *f = static_cast<Frame *>(token);
  if (ts && f && f->kind == FrameKind::Attached) detach_frame(ts->current, f);
}

}  // namespace orch::rt
