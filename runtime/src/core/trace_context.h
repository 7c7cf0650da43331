// W3C Trace Context (https://www.w3.org/TR/trace-context/): traceparent
// parsing and formatting, and the frames of contexts attached to a thread:
// remote parents (orch_context_attach*) and contexts captured on another
// thread (orch_api_v1::context_attach).
#pragma once

#include <cstddef>
#include <string_view>

#include "core/record.h"
#include "orch/orch.h"

namespace orch::rt {

constexpr size_t kTraceparentLength = 55;  // "00-" 32 "-" 16 "-" 2

// Valid means a non-zero trace id and a non-zero span id.
bool context_is_valid(const orch_span_context &ctx);
// Writes 55 chars (no NUL) for version 00.
void format_traceparent(const orch_span_context &ctx, char out[kTraceparentLength]);
// Accepts version 00 exactly and higher versions per the spec's forward
// compatibility rule (longer values with a '-' after the flags). Sets is_remote.
bool parse_traceparent(std::string_view value, orch_span_context &out);

// A frame's context as orch_current_context gives it: remote only for an
// attached remote parent.
orch_span_context frame_context(const Frame &f);

// An attached frame (a remote parent, or a context captured on another
// thread) owns one reference to its tracestate (or none: nullptr). Every span
// started under a frame takes its own reference to the parent's pointer
// (span_start), so one attached frame and all its descendants share one
// string. That retain is safe even when the parent span has already handed its
// reference to the exporter (it ended on another thread but stays in this
// thread's chain): the attached frame further down the chain still holds its
// reference, and an attached frame is freed only once nothing above it is left
// in the chain (detach_frame, unlink_frame).
//
// Takes over the reference `trace_state`; nullptr if out of memory (then the
// reference is released).
Frame *new_attached_frame(const orch_span_context &ctx, const SharedTraceState *trace_state, bool remote);
void delete_attached_frame(Frame *f);

// An attached frame detached while spans above it were open: it goes as soon
// as it becomes the innermost frame.
inline bool is_detached_frame(const Frame *p) { return p && p->kind == FrameKind::Attached && p->detached; }

// `p` becomes the innermost frame: the detached frames go now. Returns the
// first frame still in use.
inline Frame *drop_detached_frames(Frame *p) {
  while (is_detached_frame(p)) {
    Frame *dead = p;
    p = p->prev;
    delete_attached_frame(dead);
  }
  return p;
}

// The attach and detach of a thread whose chain starts at `current`. Attach
// makes `f` (nullptr when out of memory) the innermost frame and returns it
// as the token.
void *attach_frame(Frame *&current, Frame *f);
void detach_frame(Frame *&current, Frame *f);
// A thread exits: its attached frames go, and its chain is emptied (spans
// still open in it stay with whoever ends them).
void drop_chain_at_exit(Frame *&current);

}  // namespace orch::rt
