// The span entries of orch_api_v1: the hot path.
//
// span_start: one TLS load, a Record from the thread's free list, ids from
// the thread's generator, one clock read. span_end: one clock read, a copy of
// the Record into the thread's queue, one release store. No lock, no system
// call, no allocation once the thread is warm. Everything is noexcept; the
// rare paths that may throw (allocation) catch at this boundary.
//
// span_begin is span_start for callers that also want the call in the site's
// metrics (metrics/thread_metrics.h): a recorded span is counted and timed
// when it ends; a call without a span is counted at once and, now and then,
// timed (orch_span::rec is then a tagged TimedCall).
#include <cstring>

#include "abi/context_api.h"
#include "abi/span_api.h"
#include "clock.h"
#include "core/runtime.h"
#include "core/thread_state.h"
#include "core/trace_context.h"
#include "metrics/thread_metrics.h"

namespace orch::rt {
namespace {

// Takes `f` out of the thread's context chain; returns false if it is not in
// it (the span was started on another thread). The innermost frame is the
// usual case; attached frames detached out of order go with it.
inline bool unlink_frame(ThreadState *ts, Frame *f) {
  if (__builtin_expect(ts->current == f, 1)) {
    ts->current = drop_detached_frames(f->prev);
    return true;
  }
  // Ended before a span it encloses: splice it out, the inner span stays current.
  for (Frame *x = ts->current; x; x = x->prev) {
    if (x->prev == f) {
      x->prev = f->prev;
      return true;
    }
  }
  return false;
}

inline void init_record(Record *r, ThreadState *ts, const orch_site *site, FrameKind kind) {
  r->prev = ts->current;
  r->kind = kind;
  r->no_export = false;
  r->detached = false;
  r->metered = false;
  span_id_bytes(ts->ids.span_id(), r->span_id);
  r->site = site;
  r->ext = nullptr;
  r->trace_state = nullptr;
  r->dropped_attrs = 0;
  r->n_attrs = 0;
  r->str_used = 0;
  r->status = StatusCode::Unset;
  r->attr_types = 0;
  ts->current = r;
}

// Writes the whole orch_span with one 16-byte store: the weave header reads it
// back as one 16-byte value, and two 8-byte stores would make that load miss
// store forwarding, a stall on every call (bench_span; docs/benchmarks.md,
// Runtime).
inline void set_span(orch_span *span, void *rec) {
  typedef long long pair __attribute__((vector_size(16)));
  pair v = {reinterpret_cast<long long>(&kApiV1), reinterpret_cast<long long>(rec)};
  std::memcpy(span, &v, sizeof v);
}

// What the sampler knows of an attached parent. One captured from a local span
// is a local parent: sampled-out there, sampled-out here (parent-based samplers).
inline ParentKind attached_parent_kind(const Frame &f) {
  const bool sampled = f.trace_flags & 1;
  if (f.remote) return sampled ? ParentKind::RemoteSampled : ParentKind::RemoteNotSampled;
  return sampled ? ParentKind::LocalSampled : ParentKind::LocalNotSampled;
}

__attribute__((noinline)) ThreadState *thread_state_or_null() noexcept {
  try {
    return thread_state();
  } catch (...) {
    return nullptr;
  }
}

// Fills a sampled span's Record, whose trace id is set, and makes it the
// thread's current frame and the span's record.
template <bool kMetered>
inline void start_recording(orch_span *span, const orch_site *site, ThreadState *ts, Record *r, Frame *parent,
                            uint8_t flags) {
  if (parent) std::memcpy(r->parent_span_id, parent->span_id, 8);
  else std::memset(r->parent_span_id, 0, 8);
  r->trace_flags = flags;
  init_record(r, ts, site, FrameKind::Recording);
  r->metered = kMetered;
  if (parent && parent->trace_state) r->trace_state = parent->trace_state->retain();  // safe: see trace_context.h
  set_span(span, r);
  r->start_ticks = now_ticks();
}

// A call that span_begin times without a span: its slot, and its start.
__attribute__((noinline)) void start_timed_call(orch_span *span, ThreadState *ts, SiteCell *c) noexcept {
  TimedCall *t = ts->metrics.begin_timed(c);
  if (!t) return set_span(span, nullptr);
  // A thread that was counting before fork() counts on in the child, whose
  // exporter thread spans or new threads would otherwise start.
  Runtime::instance()->ensure_worker();
  set_span(span, reinterpret_cast<void *>(reinterpret_cast<uintptr_t>(t) | ORCH_SPAN_TIMED_CALL));
  t->start_ticks = now_ticks();
}

inline void count_untraced(orch_span *span, const orch_site *site, ThreadState *ts) noexcept;

// The first call of a site on its thread, or of a thread.
__attribute__((noinline)) void count_untraced_first(orch_span *span, const orch_site *site, ThreadState *ts) noexcept {
  if (!ts && !(ts = thread_state_or_null())) return set_span(span, nullptr);
  if (!ts->metrics.cell(site)) return set_span(span, nullptr);  // out of memory
  count_untraced(span, site, ts);
}

// A call that records no span: counted in its site's metrics, and timed now
// and then. Inline up to the rare cases, which are tail calls: no stack frame.
inline void count_untraced(orch_span *span, const orch_site *site, ThreadState *ts) noexcept {
  SiteCell *c = __builtin_expect(ts != nullptr, 1) ? ts->metrics.existing_cell(site) : nullptr;
  if (__builtin_expect(!c, 0)) return count_untraced_first(span, site, ts);
  if (__builtin_expect(!ThreadMetrics::count_untraced(c), 1)) return set_span(span, nullptr);
  start_timed_call(span, ts, c);
}

template <bool kMetered> inline void not_recorded(orch_span *span, const orch_site *site, ThreadState *ts) {
  if constexpr (kMetered) count_untraced(span, site, ts);
  else set_span(span, nullptr);
}

// A root the ratio sampler dropped keeps a frame for its descendants; its
// call is counted now and timed one in about N, like a call without a frame.
// Such a frame is never exported, so its end_ticks holds the timed call's
// weight (0: not timed) until it ends.
__attribute__((noinline)) void count_dropped_root(ThreadState *ts, Record *r, const orch_site *site) noexcept {
  SiteCell *c = ts->metrics.cell(site);
  if (!c) return;
  r->metered = true;
  r->end_ticks = 0;
  if (!ThreadMetrics::count_untraced(c)) return;
  r->end_ticks = ts->metrics.take_weight(c);
  r->start_ticks = now_ticks();
}

// span_start in every case: any sampler, attached and non-recording parents,
// a thread without state yet, no spare Record.
template <bool kMetered> __attribute__((noinline)) void start_general(orch_span *span, const orch_site *site) noexcept {
  if (g_hot.is_off()) return not_recorded<kMetered>(span, site, tls_thread_state);
  ThreadState *ts = tls_thread_state;
  if (__builtin_expect(!ts, 0) && !(ts = thread_state_or_null())) return set_span(span, nullptr);
  Frame *parent = ts->current;

  uint8_t trace_id[16];
  uint8_t flags = 1;
  if (parent) {
    // Descendants of a dropped root are dropped too.
    if (parent->kind == FrameKind::NonRecording) return not_recorded<kMetered>(span, site, ts);
    std::memcpy(trace_id, parent->trace_id, 16);
    if (parent->kind == FrameKind::Attached) {
      // Every span under this parent decides alike.
      if (!Runtime::instance()->sampler().should_sample(attached_parent_kind(*parent), trace_id))
        return not_recorded<kMetered>(span, site, ts);
      flags = parent->trace_flags | 1;
    } else {
      flags = parent->trace_flags;  // a recording local parent was sampled
    }
  } else {
    ts->ids.trace_id(trace_id);
    const Sampler &sampler = Runtime::instance()->sampler();
    if (!sampler.should_sample_root(trace_id)) {
      // A ratio decision depends on the trace id, which descendants must
      // share: keep a non-recording frame. Other samplers decide the same for
      // every root, so nothing needs to be kept.
      if (!sampler.root_uses_ratio()) return not_recorded<kMetered>(span, site, ts);
      Record *r = ts->alloc_record();
      if (!r) return not_recorded<kMetered>(span, site, ts);
      std::memcpy(r->trace_id, trace_id, 16);
      r->trace_flags = 0;
      init_record(r, ts, site, FrameKind::NonRecording);
      if constexpr (kMetered) count_dropped_root(ts, r, site);
      return set_span(span, r);
    }
  }
  Record *r = ts->alloc_record();
  if (__builtin_expect(!r, 0)) {
    ThreadState::bump(ts->dropped);
    return not_recorded<kMetered>(span, site, ts);
  }
  std::memcpy(r->trace_id, trace_id, 16);
  start_recording<kMetered>(span, site, ts, r, parent, flags);
}

// The usual cases, with no call but tail calls so that they need no stack
// frame (the general path's frame and checks cost instructions on every span:
// instructions_per_call.sh; docs/benchmarks.md, Runtime, "Third round"): a
// parent whose children are not sampled (a sampled-out root, or an unsampled
// parent under a parentbased_* sampler), and, on a warm thread with a spare
// Record, a recording local parent or a root that the sampler keeps without
// looking at it.
template <bool kMetered> inline void start(orch_span *span, const orch_site *site) noexcept {
  ThreadState *ts = tls_thread_state;
  if (__builtin_expect(g_hot.is_off() || !ts, 0)) return start_general<kMetered>(span, site);
  Frame *parent = ts->current;
  if (parent && parent->kind != FrameKind::Recording) {
    if (parent->kind == FrameKind::NonRecording || (g_hot.unsampled_parent_drops && !(parent->trace_flags & 1)))
      return not_recorded<kMetered>(span, site, ts);
    return start_general<kMetered>(span, site);
  }
  if (__builtin_expect(!ts->free_records, 0)) return start_general<kMetered>(span, site);
  if (parent) {
    Record *r = ts->take_free_record();
    std::memcpy(r->trace_id, parent->trace_id, 16);
    return start_recording<kMetered>(span, site, ts, r, parent, parent->trace_flags);
  }
  if (!g_hot.roots_always_sampled) return start_general<kMetered>(span, site);
  Record *r = ts->take_free_record();
  ts->ids.trace_id(r->trace_id);
  start_recording<kMetered>(span, site, ts, r, nullptr, 1);
}

void span_start(orch_span *span, const orch_site *site) noexcept { start<false>(span, site); }

void span_start_detached(orch_span *span, const orch_site *site) noexcept {
  start<false>(span, site);
  auto *r = static_cast<Record *>(span->rec);
  ThreadState *ts = tls_thread_state;
  if (!r || !ts || ts->current != r) return;
  ts->current = r->prev;
  r->prev = nullptr;
  r->detached = true;
}

void attr_i64(orch_span *span, const char *key, int64_t value) noexcept;

// A span from span_begin with metrics on. Within the site's span budget (per
// thread, ORCH_SITE_SPAN_LIMIT a second), a span as usual, which carries how
// many calls were folded since the last one; beyond it, the call is only
// counted and timed, and its children attach to its parent. Out of line, so
// that span_begin's counting path needs no stack frame.
__attribute__((noinline)) void start_metered(orch_span *span, const orch_site *site) noexcept {
  ThreadState *ts = tls_thread_state;
  SiteCell *c = g_metrics_hot.span_limit && ts ? ts->metrics.cell(site) : nullptr;
  if (!c) return start<true>(span, site);
  if (!ThreadMetrics::take_span(c)) {
    ++c->folded;
    return count_untraced(span, site, ts);
  }
  start<true>(span, site);
  if (c->folded && recording(span)) {
    attr_i64(span, "orch.folded_calls", static_cast<int64_t>(c->folded));
    c->folded = 0;
  }
}

void span_begin(orch_span *span, const orch_site *site) noexcept {
  const uint32_t flags = site_flags(site);
  if (!g_metrics_hot.enabled() || (flags & ORCH_SITE_NO_METRICS)) {
    if (flags & ORCH_SITE_METRICS_ONLY) return set_span(span, nullptr);  // never a span
    return start<false>(span, site);
  }
  // Metrics-only, or no span at all (OTEL_TRACES_SAMPLER=always_off, or
  // spans not exported): counted without looking at the context.
  if ((flags & ORCH_SITE_METRICS_ONLY) || g_hot.is_off()) return count_untraced(span, site, tls_thread_state);
  start_metered(span, site);
}

__attribute__((noinline)) void publish_slow(Runtime *rt, ThreadState *ts, PushResult result) noexcept {
  if (result == PushResult::Dropped) {
    ThreadState::bump(ts->dropped);
    rt->wake_exporter();
    return;
  }
  rt->ensure_worker();
  if (rt->pool().queued() >= g_hot.wake_threshold) rt->wake_exporter();
}

// A frame's duration, `weight` calls' worth, into its site's metrics: under
// its failure's error.type when it failed (the failure counted too when
// `count_failure`).
void add_frame_duration(ThreadState *ts, SiteCell *c, const Record &r, uint64_t end, uint64_t weight,
                        bool count_failure) noexcept {
  DurationCounts *durations = &c->durations;
  if (r.status == StatusCode::Error) {
    bool mangled;
    const char *type = failure_type(r, mangled);
    ErrorSeries *e = ts->metrics.error_series(c, type, mangled);
    if (!e) return;
    if (count_failure) e->errors.add(1);
    durations = &e->durations;
  }
  const uint64_t ticks = end - r.start_ticks;
  durations->add(duration_bucket(static_cast<double>(ticks) * tick_seconds()), ticks, weight);
}

// A metered span the queue dropped: the exporter will not see it, so its call
// goes into the site's metrics here, timed by its own timestamps. Exported
// spans are counted by the exporter.
__attribute__((noinline)) void count_span(ThreadState *ts, const Record &r, uint64_t end) noexcept {
  SiteCell *c = ts->metrics.cell(r.site);
  if (!c) return;
  c->calls.add(1);
  add_frame_duration(ts, c, r, end, 1, true);
}

// The end of a root the ratio sampler dropped whose call was timed
// (count_dropped_root: end_ticks is its weight; call and failure were
// counted already).
__attribute__((noinline)) void end_dropped_root(ThreadState *ts, const Record &r, uint64_t end) noexcept {
  if (SiteCell *c = ts->metrics.cell(r.site)) add_frame_duration(ts, c, r, end, r.end_ticks, false);
}

// span_end of a call that span_begin timed without a span.
__attribute__((noinline)) void end_timed_call(orch_span *span, uint64_t end) noexcept {
  TimedCall *t = timed_call(span->rec);
  span->rec = nullptr;
  if (ThreadState *ts = tls_thread_state) ts->metrics.end_timed(t, end - t->start_ticks);
}

// span_end in every case: a span ended out of order or on another thread,
// dropped or non-recording spans, a full chunk, attached frames to free.
__attribute__((noinline)) void end_general(orch_span *span, uint64_t end) noexcept {
  auto *r = static_cast<Record *>(span->rec);
  if (!r) return;
  if (is_timed_call(r)) return end_timed_call(span, end);
  span->rec = nullptr;
  ThreadState *ts = tls_thread_state;
  if (__builtin_expect(!ts, 0) && !(ts = thread_state_or_null())) return;  // ended on a thread that cannot start
  if (r->kind == FrameKind::NonRecording && r->metered && r->end_ticks && !r->no_export) end_dropped_root(ts, *r, end);
  // A Record still linked from another thread's chain must never be reused:
  // it is left alone (one Record per span that ends on a foreign thread).
  const bool reusable = (r->kind != FrameKind::Attached && r->detached) || unlink_frame(ts, r);
  if (r->kind == FrameKind::Recording && !r->no_export) {
    r->end_ticks = end;
    Runtime *rt = Runtime::instance();
    PushResult result = ts->queue.push(*r, rt->pool());
    if (__builtin_expect(result == PushResult::Ok, 1)) ThreadState::bump(ts->published);
    else {
      if (result != PushResult::Dropped) ThreadState::bump(ts->published);
      publish_slow(rt, ts, result);
    }
    // The queue owns the extension and tracestate now, unless the span was dropped.
    if (result == PushResult::Dropped) {
      if (r->metered) count_span(ts, *r, end);
      release_owned(*r);
    }
  } else {
    release_owned(*r);
  }
  r->ext = nullptr;
  if (reusable) ts->free_record(r);
  else r->no_export = true;  // its own thread may still meet it (exit flush)
}

// The usual case, without a stack frame: the thread's innermost span,
// recording, with room in its queue chunk and no attached frame detached out
// of order to free under it. The queue takes the extension and tracestate; the Record's
// stale pointers to them are reset when it is reused (init_record).
void span_end(orch_span *span) noexcept {
  const uint64_t end = now_ticks();
  auto *r = static_cast<Record *>(span->rec);
  ThreadState *ts = tls_thread_state;
  if (__builtin_expect(!r || is_timed_call(r) || !ts || ts->current != r || r->kind != FrameKind::Recording ||
                           r->no_export || !ts->queue.has_room(),
                       0))
    return end_general(span, end);
  Frame *prev = r->prev;
  if (__builtin_expect(is_detached_frame(prev), 0)) return end_general(span, end);
  span->rec = nullptr;
  ts->current = prev;
  r->end_ticks = end;
  ts->queue.push_with_room(*r);
  ThreadState::bump(ts->published);
  ts->free_record(r);
}

// ---- attributes --------------------------------------------------------

__attribute__((noinline)) RecordExtension *extension(Record *r) noexcept {
  if (!r->ext) {
    try {
      r->ext = new RecordExtension;
    } catch (...) {
      return nullptr;
    }
  }
  return r->ext;
}

__attribute__((noinline)) void add_extension_attr(Record *r, AttrView a) noexcept {
  RecordExtension *ext = extension(r);
  if (!ext || r->n_attrs + ext->attrs.size() >= g_hot.attr_count_limit) {
    ++r->dropped_attrs;
    return;
  }
  try {
    if (a.type == AttrType::String) a.str = ext->strings.emplace_back(a.str);
    ext->attrs.push_back(a);
  } catch (...) {
    ++r->dropped_attrs;
  }
}

inline InlineAttr *inline_slot(Record *r, AttrType type) {
  if (r->n_attrs >= g_hot.inline_attr_limit || r->ext) return nullptr;
  r->add_attr_type(r->n_attrs, type);
  return &r->attrs[r->n_attrs++];
}

// The value of a scalar attribute, into either form (InlineAttr or AttrView:
// both name their value members alike).
template <class Attr> inline void set_value(Attr &a, int64_t v) { a.i = v; }
template <class Attr> inline void set_value(Attr &a, double v) { a.d = v; }
template <class Attr> inline void set_value(Attr &a, bool v) { a.b = v; }

// Beyond the inline slots. Out of line, so that the setters' usual path needs
// no stack frame.
template <class T> __attribute__((noinline)) void add_extension_scalar(Record *r, const char *key, AttrType type, T value) noexcept {
  AttrView v;
  v.key = key;
  v.type = type;
  set_value(v, value);
  add_extension_attr(r, v);
}

template <class T> inline void add_scalar(orch_span *span, const char *key, AttrType type, T value) {
  Record *r = recording(span);
  if (!r || !key) return;
  if (InlineAttr *a = inline_slot(r, type)) {
    a->key = key;
    set_value(*a, value);
    return;
  }
  add_extension_scalar(r, key, type, value);
}

void attr_i64(orch_span *span, const char *key, int64_t value) noexcept { add_scalar(span, key, AttrType::Int, value); }
void attr_f64(orch_span *span, const char *key, double value) noexcept { add_scalar(span, key, AttrType::Double, value); }
void attr_bool(orch_span *span, const char *key, int value) noexcept { add_scalar(span, key, AttrType::Bool, value != 0); }

// Cuts at the limit, backing off to the start of a UTF-8 sequence.
size_t truncated_length(const char *s, size_t len) {
  if (len <= g_hot.value_length_limit) return len;
  size_t n = g_hot.value_length_limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

void attr_str(orch_span *span, const char *key, const char *value, size_t len) noexcept {
  Record *r = recording(span);
  if (!r || !key || !value) return;  // NULL: the attribute is absent
  len = truncated_length(value, len);
  if (len <= static_cast<size_t>(kInlineStringBytes - r->str_used)) {
    if (InlineAttr *a = inline_slot(r, AttrType::String)) {
      a->key = key;
      a->str.offset = r->str_used;
      a->str.len = static_cast<uint32_t>(len);
      std::memcpy(r->str + r->str_used, value, len);
      r->str_used = static_cast<uint8_t>(r->str_used + len);
      return;
    }
  }
  AttrView v;
  v.key = key;
  v.type = AttrType::String;
  v.str = {value, len};
  add_extension_attr(r, v);
}

// ---- status and exceptions -----------------------------------------------

void span_failed(orch_span *span, const char *error_type, uint32_t flags) noexcept;

// A dropped root's first failure is counted at once (its call was).
bool counts_as_dropped_root(const orch_span *span) {
  auto *r = static_cast<Record *>(span->rec);
  return r && !is_timed_call(r) && r->kind == FrameKind::NonRecording && r->metered && r->status != StatusCode::Error;
}

void exception(orch_span *span, const char *type, const char *message) noexcept {
  if (counts_as_dropped_root(span)) return span_failed(span, type, ORCH_FAILURE_MANGLED_TYPE);
  Record *r = recording(span);
  if (!r) return;
  const uint64_t now = now_ticks();
  r->status = StatusCode::Error;
  RecordExtension *ext = extension(r);
  if (!ext) return;
  try {
    ext->events.push_back({now, type ? type : "unknown", message ? message : "", message != nullptr});
  } catch (...) {
  }
}

void set_error(orch_span *span, const char *description) noexcept {
  if (counts_as_dropped_root(span)) return span_failed(span, nullptr, 0);
  Record *r = recording(span);
  if (!r) return;
  r->status = StatusCode::Error;
  if (!description) return;
  if (RecordExtension *ext = extension(r)) {
    try {
      ext->status_message = description;
    } catch (...) {
    }
  }
}

// ---- failures, for the metrics ----------------------------------------------

// A call of `site` without a span failed: counted in its error series.
ErrorSeries *count_failure(ThreadState *ts, const orch_site *site, const char *error_type, bool mangled) noexcept {
  SiteCell *c = ts ? ts->metrics.cell(site) : nullptr;
  ErrorSeries *e = c ? ts->metrics.error_series(c, error_type, mangled) : nullptr;
  if (e) e->errors.add(1);
  return e;
}

void span_failed(orch_span *span, const char *error_type, uint32_t flags) noexcept {
  const bool mangled = flags & ORCH_FAILURE_MANGLED_TYPE;
  void *rec = span->rec;
  if (rec && !is_timed_call(rec)) {
    auto *r = static_cast<Record *>(rec);
    if (r->kind == FrameKind::Attached) return;
    if (counts_as_dropped_root(span)) count_failure(tls_thread_state, r->site, error_type, mangled);
    r->status = StatusCode::Error;
    if (!mangled && r->kind == FrameKind::Recording && error_type) {
      attr_str(span, "error.type", error_type, std::strlen(error_type));
      set_error(span, "the call returned a value that means failure");
    }
    if (!r->metered || !error_type) return;
    if (RecordExtension *ext = extension(r)) {
      try {
        ext->error_type = error_type;
        ext->error_type_mangled = mangled;
      } catch (...) {
      }
    }
    return;
  }
  const orch_site *site = span->site;
  if (!site || !g_metrics_hot.enabled() || (site_flags(site) & ORCH_SITE_NO_METRICS)) return;
  ErrorSeries *e = count_failure(tls_thread_state, site, error_type, mangled);
  if (e && rec) timed_call(rec)->failed = e;
}

}  // namespace

const orch_api_v1 kApiV1 = {
    ORCH_ABI_VERSION, static_cast<uint32_t>(sizeof(orch_api_v1)),
    span_start, span_end, attr_i64, attr_f64, attr_bool, attr_str, exception, set_error,
    &g_hot.off,
    context_capture, context_copy, context_release, context_attach, context_detach,
    &g_hot.idle, span_begin, span_failed,
    op_start, op_record, span_start_detached,
};

}  // namespace orch::rt
