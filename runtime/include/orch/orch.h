/* orch runtime: the C ABI between instrumented code and liborch_runtime.so.
 *
 * Instrumented translation units never link against the runtime directly: the
 * weave header (orch/weave.h), which orch injects into every rewritten unit,
 * finds the runtime on first use and calls it through the function table below.
 * Everything here is plain C so that C and C++ units share one contract.
 *
 * Versioning: the table is append-only. A runtime fills `size` with
 * sizeof(its table); callers check `abi_version` and never read past `size`.
 */
#ifndef ORCH_ORCH_H
#define ORCH_ORCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ORCH_ABI_VERSION 1u

/* OpenTelemetry SpanKind values (same numbers as the OTLP enum). */
enum orch_span_kind {
  ORCH_KIND_INTERNAL = 1,
  ORCH_KIND_SERVER = 2,
  ORCH_KIND_CLIENT = 3,
  ORCH_KIND_PRODUCER = 4,
  ORCH_KIND_CONSUMER = 5
};

/* What a site of version 2 or later says in `flags`. */
enum orch_site_flags {
  ORCH_SITE_NO_METRICS = 1u,   /* spans only: no call counts or durations (`metrics: false`) */
  ORCH_SITE_METRICS_ONLY = 2u, /* counts and durations, never a span (`metrics-only` advice) */
  ORCH_SITE_CALL = 4u          /* a call site (a function-call join point), not a function body */
};

/* Sites of this version and later have `flags`. */
#define ORCH_SITE_VERSION 2u

/* One instrumented function or call: emitted by the rewriter as a static
 * object in the function body, so it lives as long as the program (or the
 * shared library that holds it). The runtime may cache data in
 * `runtime_slot`; it starts as NULL. Fields are only ever appended; the
 * runtime reads those of the site's version. */
typedef struct orch_site {
  uint32_t abi_version;              /* ORCH_SITE_VERSION (1: no `flags`) */
  uint32_t kind;                     /* enum orch_span_kind */
  const char *name;                  /* span name */
  const char *function;              /* code.function.name (qualified) */
  const char *file;                  /* code.file.path */
  uint32_t line;                     /* code.line.number */
  uint32_t n_static_attrs;           /* pairs in static_attrs */
  const char *const *static_attrs;   /* key0, value0, key1, value1, ... (strings) */
  void *runtime_slot;
  uint32_t flags;                    /* enum orch_site_flags; version 2 */
} orch_site;

/* A span in flight. Lives on the instrumented function's stack.
 * `rec == NULL` means "nothing to record": attribute calls and span_end may be
 * skipped by the caller (the weave header does). A `rec` with its low bit set
 * (from span_begin only) is a call being timed for metrics, not a span:
 * span_end must be called, attribute calls may be skipped. `site` is set by
 * the caller before span_begin and read by span_end and span_failed; the
 * runtime writes only `api` and `rec`. */
typedef struct orch_span {
  const struct orch_api_v1 *api;
  void *rec;
  const struct orch_site *site;
} orch_span;

/* The low bit of orch_span::rec: a timed call, not a span record. */
#define ORCH_SPAN_TIMED_CALL 1u

/* span_failed's `flags`. */
enum orch_failure_flags {
  ORCH_FAILURE_MANGLED_TYPE = 1u /* error_type is a mangled C++ type name (std::type_info::name) */
};

/* A span's context (W3C trace context). */
typedef struct orch_span_context {
  uint8_t trace_id[16];
  uint8_t span_id[8];
  uint8_t trace_flags; /* bit 0: sampled */
  uint8_t is_remote;
} orch_span_context;

/* A thread's current context, captured to be attached on another thread
 * (orch_api_v1::context_*). `span` is the captured context (is_remote when it
 * is a remote parent that no span was started under yet); `state` is NULL when
 * nothing was captured, otherwise a reference owned by this copy: duplicate it
 * with context_copy only, and release every copy with context_release. */
typedef struct orch_captured_context {
  orch_span_context span;
  const void *state;
} orch_captured_context;

/* A histogram of durations that an integration records for the semantic
 * conventions (http.client.request.duration, db.client.operation.duration...),
 * identified by its name. Static; the runtime copies what it keeps. */
typedef struct orch_instrument {
  const char *name;
  const char *description;
  const char *unit; /* "s" */
} orch_instrument;

/* One attribute of a measurement: a string when `str` is not NULL, else the
 * integer `i64`. */
typedef struct orch_metric_attr {
  const char *key;
  const char *str;
  int64_t i64;
} orch_metric_attr;

/* The function table exported by the runtime. All entries are noexcept and
 * never block: when buffers are full, the span is dropped and counted. */
typedef struct orch_api_v1 {
  uint32_t abi_version; /* ORCH_ABI_VERSION */
  uint32_t size;        /* sizeof(orch_api_v1) as the runtime knows it */
  /* Starts a span as a child of the calling thread's current span and makes
   * it current. Sets span->api and span->rec. */
  void (*span_start)(orch_span *span, const orch_site *site);
  /* Ends the span (restores the previous current span) and hands it over. */
  void (*span_end)(orch_span *span);
  void (*attr_i64)(orch_span *span, const char *key, int64_t value);
  void (*attr_f64)(orch_span *span, const char *key, double value);
  void (*attr_bool)(orch_span *span, const char *key, int value);
  /* value may be NULL (recorded as absent); len is in bytes. */
  void (*attr_str)(orch_span *span, const char *key, const char *value, size_t len);
  /* Records an exception event (exception.type, exception.message) and sets
   * the status to ERROR. type is a mangled or plain type name; message may be NULL. */
  void (*exception)(orch_span *span, const char *type, const char *message);
  /* Sets status ERROR with a description (may be NULL). */
  void (*set_error)(orch_span *span, const char *description);
  /* ---- Appended after the first release: check `size` before reading. ---- */
  /* Nonzero while span_start would return no record for any site (tracing
   * disabled, exporter `none`, sampler always_off, after the exit flush).
   * Callers may read it with a relaxed atomic load and skip span_start. */
  const uint32_t *recording_off;
  /* Context across threads: capture on the thread that hands work over,
   * attach on the thread that runs it. */
  /* The calling thread's current context, valid after its span ends; cheap
   * (no allocation). Nothing (state NULL, span zeroed) when there is no current
   * span or nothing is recorded (recording_off). */
  void (*context_capture)(orch_captured_context *out);
  /* dst becomes a copy of src with a reference of its own. */
  void (*context_copy)(orch_captured_context *dst, const orch_captured_context *src);
  /* Drops c's reference and empties it; an empty c is left alone. */
  void (*context_release)(orch_captured_context *c);
  /* Makes c the parent of the spans started on the calling thread until
   * context_detach(token), on this thread. Spans under it are children of the
   * captured span (local, unless the captured context was remote) and follow its
   * sampling decision. Returns NULL (nothing attached) for an empty c or while
   * nothing is recorded. c may be released while attached. */
  void *(*context_attach)(const orch_captured_context *c);
  /* Accepts NULL. A context still attached when its thread exits is freed then. */
  void (*context_detach)(void *token);
  /* ---- Metrics: every call counted and timed, sampled or not. ---- */
  /* Nonzero while span_begin would neither record a span nor count a call
   * for any site: callers may skip it, as with recording_off. */
  const uint32_t *idle;
  /* span_start, and the call counted in the site's metrics (unless the site
   * says ORCH_SITE_NO_METRICS): when no span is recorded, rec is NULL or a
   * timed call (ORCH_SPAN_TIMED_CALL). span->site must be set. */
  void (*span_begin)(orch_span *span, const orch_site *site);
  /* The call failed: counted in the site's metrics under error.type
   * `error_type`; a recorded span gets status ERROR and, unless the type is an
   * exception's (ORCH_FAILURE_MANGLED_TYPE: the exception entry records those),
   * the attribute error.type. For spans from span_begin, whatever rec is. */
  void (*span_failed)(orch_span *span, const char *error_type, uint32_t flags);
  /* ---- Metrics of the semantic conventions, for integrations. ---- */
  /* The start of an operation to measure with op_record; 0 while no metric
   * is recorded (callers may then skip gathering the attributes). */
  uint64_t (*op_start)(void);
  /* Records the time since `start` (from op_start; 0 is ignored) in the
   * histogram `instrument` under the n attributes (keys and values copied when
   * the series is new; the same attributes in another order are another
   * series). `span` (may be NULL) is the operation's span: a sampled one
   * becomes the series' exemplar. */
  void (*op_record)(const orch_instrument *instrument, uint64_t start, const orch_metric_attr *attrs, uint32_t n,
                    const orch_span *span);
  /* span_start for an operation that outlives the call starting it (a
   * transfer added to a curl multi handle): a child of the current span
   * that is not made current, so spans started meanwhile are not its
   * children. End it with span_end, on any thread; a span still open at exit
   * is not exported. Not counted in the site's metrics. */
  void (*span_start_detached)(orch_span *span, const orch_site *site);
} orch_api_v1;

/* True if `api` has the field `member` (a runtime built before the field was
 * appended has a smaller table). */
#define ORCH_API_HAS(api, member) \
  ((api)->size >= offsetof(orch_api_v1, member) + sizeof(((orch_api_v1 *)0)->member))

/* Exported by liborch_runtime.so. Never returns NULL. */
const orch_api_v1 *orch_runtime_api_v1(void);

/* orch.yaml's `service:`, handed over by the weave header before its first
 * span: service.name when neither OTEL_SERVICE_NAME nor OTEL_RESOURCE_ATTRIBUTES
 * gives one. The first call wins; `name` must live as long as the program. */
void orch_set_default_service_name(const char *name);

/* ---- Context propagation (W3C trace context), for integrations. ---- */

/* Formats "00-<trace>-<span>-<flags>" into buf (at least 56 bytes incl. NUL).
 * Returns the length written, or 0 if ctx is invalid. */
size_t orch_traceparent_format(const orch_span_context *ctx, char *buf, size_t buf_len);
/* Parses a traceparent header value. Returns 1 on success, 0 if malformed. */
int orch_traceparent_parse(const char *value, size_t len, orch_span_context *out);
/* The calling thread's current span context; returns 0 if there is none. */
int orch_current_context(orch_span_context *out);
/* The context of a span being recorded (one not current: span_start_detached);
 * returns 0 if it records nothing. */
int orch_span_get_context(const orch_span *span, orch_span_context *out);
/* Makes a remote context the parent of spans started on this thread until
 * orch_context_detach is called with the returned token. */
void *orch_context_attach(const orch_span_context *ctx);
void orch_context_detach(void *token);

/* ---- tracestate (W3C trace context): vendor entries beside traceparent. ----
 * A tracestate is a list of at most 32 `key=value` members, most recently
 * updated first. The structure does not own the text: members point into the
 * parsed header value or into strings given to orch_tracestate_set, which must
 * outlive it. */

#define ORCH_TRACESTATE_MAX_MEMBERS 32

typedef struct orch_tracestate_member {
  const char *key; /* key_len bytes, not NUL-terminated */
  size_t key_len;
  const char *value; /* value_len bytes, not NUL-terminated */
  size_t value_len;
} orch_tracestate_member;

typedef struct orch_tracestate {
  uint32_t count;
  orch_tracestate_member members[ORCH_TRACESTATE_MAX_MEMBERS]; /* leftmost first */
} orch_tracestate;

/* Parses a tracestate header value (several header fields: join them with
 * ","). Optional whitespace around members and empty members are skipped.
 * Returns 1 if the value is valid; otherwise 0 and out->count = 0, since an
 * invalid tracestate must not be propagated: a key or value outside the W3C
 * grammar, a member without "=", more than 32 members, or a key given twice. */
int orch_tracestate_parse(const char *value, size_t len, orch_tracestate *out);
/* Sets `key` to `value` as the leftmost member (the W3C rule for a vendor that
 * updates its entry), removing its previous entry; when that makes 33 members
 * the rightmost one is dropped. Returns 0 (and changes nothing) if the key or
 * the value is outside the grammar. */
int orch_tracestate_set(orch_tracestate *ts, const char *key, size_t key_len, const char *value, size_t value_len);
/* The member with this key, or NULL. */
const orch_tracestate_member *orch_tracestate_get(const orch_tracestate *ts, const char *key, size_t key_len);
/* Removes the member with this key; returns 1 if there was one. */
int orch_tracestate_remove(orch_tracestate *ts, const char *key, size_t key_len);
/* Formats "k1=v1,k2=v2" into buf, NUL-terminated. Returns the length written,
 * or 0 if buf is too small (nothing is written then) or the list is empty. */
size_t orch_tracestate_format(const orch_tracestate *ts, char *buf, size_t buf_len);

/* orch_context_attach with the remote parent's tracestate header value
 * (several header fields joined with ","): every span started under the
 * context, and every descendant span on this thread, carries it (OTLP
 * Span.trace_state, orch_current_tracestate) as "k1=v1,k2=v2". The value is
 * copied; an integration that updates its own entry does so before attaching
 * (orch_tracestate_parse, _set, _format). NULL, empty or invalid: the context
 * is attached without a tracestate (W3C: an invalid one is not propagated).
 * Detach with orch_context_detach. */
void *orch_context_attach_tracestate(const orch_span_context *ctx, const char *tracestate, size_t len);
/* The tracestate of the calling thread's current context, for an outgoing
 * request's header: copied into buf, NUL-terminated. Returns its length, or 0
 * if there is none or buf is too small. */
size_t orch_current_tracestate(char *buf, size_t buf_len);

/* Exports everything buffered so far; waits at most timeout_ms. Returns 1 if
 * all spans were exported. */
int orch_flush(uint32_t timeout_ms);

#ifdef __cplusplus
}
#endif

#endif /* ORCH_ORCH_H */
