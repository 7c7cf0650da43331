// W3C Trace Context (https://www.w3.org/TR/trace-context/): traceparent
// parsing and formatting, and the frames of remote contexts attached by
// integrations (orch_context_attach*).
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

// A remote frame owns one reference to its tracestate (or none: nullptr).
// Every span started under a frame takes its own reference to the parent's
// pointer (span_start), so one remote frame and all its descendants share one
// string. That retain is safe even when the parent span has already handed its
// reference to the exporter (it ended on another thread but stays in this
// thread's chain): the remote frame further down the chain still holds its
// reference, and a remote frame is freed only once nothing above it is left
// in the chain (orch_context_detach, unlink_frame).
//
// Takes over the reference `trace_state`; nullptr if out of memory (then the
// reference is released).
Frame *new_remote_frame(const orch_span_context &ctx, const SharedTraceState *trace_state);
void delete_remote_frame(Frame *f);

// A remote frame detached while spans above it were open: it goes as soon as
// it becomes the innermost frame.
inline bool is_detached_remote(const Frame *p) { return p && p->kind == FrameKind::Remote && p->detached; }

// `p` becomes the innermost frame: the detached remote frames go now. Returns
// the first frame still in use.
inline Frame *drop_detached_remote_frames(Frame *p) {
  while (is_detached_remote(p)) {
    Frame *dead = p;
    p = p->prev;
    delete_remote_frame(dead);
  }
  return p;
}

}  // namespace orch::rt
