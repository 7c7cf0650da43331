#include "core/trace_context.h"

#include <cstring>
#include <new>

#include "core/ids.h"

namespace orch::rt {
namespace {

bool all_zero(const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (p[i]) return false;
  return true;
}

}  // namespace

bool context_is_valid(const orch_span_context &ctx) {
  return !all_zero(ctx.trace_id, 16) && !all_zero(ctx.span_id, 8);
}

void format_traceparent(const orch_span_context &ctx, char out[kTraceparentLength]) {
  out[0] = '0';
  out[1] = '0';
  out[2] = '-';
  hex_encode(ctx.trace_id, 16, out + 3);
  out[35] = '-';
  hex_encode(ctx.span_id, 8, out + 36);
  out[52] = '-';
  hex_encode(&ctx.trace_flags, 1, out + 53);
}

bool parse_traceparent(std::string_view v, orch_span_context &out) {
  if (v.size() < kTraceparentLength) return false;
  uint8_t version;
  if (!hex_decode_lower(v.data(), 1, &version) || version == 0xff) return false;
  // Version 00 has exactly this length; future versions may append "-...".
  if (version == 0 && v.size() != kTraceparentLength) return false;
  if (version != 0 && v.size() > kTraceparentLength && v[kTraceparentLength] != '-') return false;
  if (v[2] != '-' || v[35] != '-' || v[52] != '-') return false;
  orch_span_context ctx{};
  if (!hex_decode_lower(v.data() + 3, 16, ctx.trace_id) || !hex_decode_lower(v.data() + 36, 8, ctx.span_id) ||
      !hex_decode_lower(v.data() + 53, 1, &ctx.trace_flags))
    return false;
  if (!context_is_valid(ctx)) return false;
  ctx.is_remote = 1;
  out = ctx;
  return true;
}

orch_span_context frame_context(const Frame &f) {
  orch_span_context ctx;
  std::memcpy(ctx.trace_id, f.trace_id, 16);
  std::memcpy(ctx.span_id, f.span_id, 8);
  ctx.trace_flags = f.trace_flags;
  ctx.is_remote = f.kind == FrameKind::Attached && f.remote;
  return ctx;
}

Frame *new_attached_frame(const orch_span_context &ctx, const SharedTraceState *trace_state, bool remote) {
  auto *f = new (std::nothrow) Frame{};
  if (!f) {
    SharedTraceState::release(trace_state);
    return nullptr;
  }
  std::memcpy(f->trace_id, ctx.trace_id, 16);
  std::memcpy(f->span_id, ctx.span_id, 8);
  f->trace_flags = ctx.trace_flags;
  f->kind = FrameKind::Attached;
  f->remote = remote;
  f->trace_state = trace_state;
  return f;
}

void delete_attached_frame(Frame *f) {
  SharedTraceState::release(f->trace_state);
  delete f;
}

void *attach_frame(Frame *&current, Frame *f) {
  if (!f) return nullptr;
  f->prev = current;
  current = f;
  return f;
}

void detach_frame(Frame *&current, Frame *f) {
  if (current == f) {
    Frame *p = f->prev;
    delete_attached_frame(f);
    current = drop_detached_frames(p);
  } else {
    // Spans started after the attach are still open: the frame goes when
    // they end (see unlink_frame in span_api.cpp).
    f->detached = true;
  }
}

void drop_chain_at_exit(Frame *&current) {
  Frame *f = current;
  current = nullptr;
  while (f) {
    Frame *prev = f->prev;
    if (f->kind == FrameKind::Attached) delete_attached_frame(f);
    f = prev;
  }
}

}  // namespace orch::rt
