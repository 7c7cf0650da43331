/* orch weave header: the only thing a rewritten translation unit includes.
 *
 * orch injects `#include ".../orch/weave.h"` at the top of every unit it
 * rewrites, with ORCH_RUNTIME_PATH defined to the runtime library's absolute
 * path. Nothing needs to be linked: when the program starts, the header looks
 * for the runtime already in the process (linked in) and otherwise dlopen()s
 * ORCH_RUNTIME_PATH (or $ORCH_RUNTIME); the first span creates the runtime,
 * looking for the library again (loaded by another unit) if need be. If it
 * cannot be found, spans become no-ops after one warning on stderr; the
 * program runs unchanged.
 *
 * The header is a system header so that it adds no warnings to user builds,
 * works in C (cleanup attribute) and in C++98 and later (a scoped guard).
 */
#ifndef ORCH_WEAVE_H
#define ORCH_WEAVE_H
#pragma GCC system_header

#include "orch.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ORCH_RUNTIME_PATH
#define ORCH_RUNTIME_PATH "liborch_runtime.so"
#endif

#if defined(__cplusplus) && __cplusplus >= 201103L
#define ORCH_W_NULL nullptr
#define ORCH_W_NOEXCEPT noexcept
#elif defined(__cplusplus)
#define ORCH_W_NULL 0
#define ORCH_W_NOEXCEPT throw()
#else
#define ORCH_W_NULL ((void *)0)
#define ORCH_W_NOEXCEPT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- What orch.yaml and the rewrite add to the program ---------------- */

/* The manifest: one JSON line per instrumented function, in the ELF section
 * `orch_manifest` of the linked program (read by `orch manifest` and the verifier). */
#if defined(__has_attribute)
#if __has_attribute(retain)
#define ORCH_W_RETAIN , retain
#endif
#endif
#ifndef ORCH_W_RETAIN
#define ORCH_W_RETAIN
#endif
/* The lines may exceed C90's 509-character string limit (-Woverlength-strings
 * under -pedantic): that limit is about portability, not this data. */
#define ORCH_W_MANIFEST(lines)                                                                     \
  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Woverlength-strings\"")       \
  __attribute__((section("orch_manifest"), used ORCH_W_RETAIN, aligned(1))) static const char     \
      orch_w_manifest_lines[] = lines;                                                             \
  _Pragma("GCC diagnostic pop")

/* ---- Finding the runtime --------------------------------------------- */

static void orch_w_noop_start(orch_span *s, const orch_site *site) {
  (void)site;
  s->rec = ORCH_W_NULL;
}
static void orch_w_noop_end(orch_span *s) { (void)s; }

/* What orch_w_off_cache points to: the runtime's `idle` flag (neither spans
 * nor metrics), or its `recording_off` if it is older than metrics. Without
 * a runtime, nothing is ever recorded; a runtime older than `recording_off`
 * is asked at every span. */
static const uint32_t orch_w_always_off = 1;
static const uint32_t orch_w_ask_runtime = 0;

static const orch_api_v1 orch_w_noop_api = {
    ORCH_ABI_VERSION, (uint32_t)sizeof(orch_api_v1), orch_w_noop_start, orch_w_noop_end,
    ORCH_W_NULL, ORCH_W_NULL, ORCH_W_NULL, ORCH_W_NULL, ORCH_W_NULL, ORCH_W_NULL, &orch_w_always_off};

/* One cache per translation unit: dlopen of an already loaded library is cheap.
 * orch_w_off_cache points to the runtime's `recording_off` flag: when it is set,
 * a span makes no call into the runtime. It is stored before orch_w_api_cache
 * is published; while it is null, the next span looks the runtime up. */
static const orch_api_v1 *orch_w_api_cache;
static const uint32_t *orch_w_off_cache;
/* span_begin, or span_start from a runtime older than metrics. */
static void (*orch_w_begin_fn)(orch_span *, const orch_site *);

/* Shared by every unit of the process, so that the warning is printed once. */
__attribute__((weak)) int orch_w_warned_missing_runtime;

/* Loads the runtime library when the program starts (a constructor in every
 * woven unit, doing its work once per process), so that the first span does
 * not pay for loading it and the libraries it needs (bench_first_call against
 * bench_first_call_lazy; docs/benchmarks.md, "First call"). Nothing else
 * happens here: the runtime reads its configuration at the first span. If the
 * library cannot be loaded, the first span tries again and warns. Units built
 * with -DORCH_NO_PRELOAD leave the loading to the first span. */
#ifndef ORCH_NO_PRELOAD
__attribute__((weak)) int orch_w_preloaded;
__attribute__((constructor)) static void orch_w_preload(void) {
  const char *path;
  if (__atomic_exchange_n(&orch_w_preloaded, 1, __ATOMIC_RELAXED)) return;
  path = getenv("ORCH_RUNTIME");
  if (!path || !*path) {
    if (dlsym(RTLD_DEFAULT, "orch_runtime_api_v1")) return; /* linked in */
    path = ORCH_RUNTIME_PATH;
  }
  (void)dlopen(path, RTLD_NOW | RTLD_GLOBAL); /* never closed; the first span finds it */
}
#endif

typedef const orch_api_v1 *(*orch_w_api_fn)(void);

typedef void (*orch_w_set_service_fn)(const char *);

static const orch_api_v1 *orch_w_api_from(void *handle) {
  orch_w_api_fn fn;
  void *sym;
#ifdef ORCH_SERVICE_NAME
  /* orch.yaml's `service:`, for when OTEL_SERVICE_NAME is unset. */
  sym = dlsym(handle, "orch_set_default_service_name");
  if (sym) {
    orch_w_set_service_fn set_service;
    memcpy(&set_service, &sym, sizeof set_service);
    set_service(ORCH_SERVICE_NAME);
  }
#endif
  sym = dlsym(handle, "orch_runtime_api_v1");
  if (!sym) return ORCH_W_NULL;
  memcpy(&fn, &sym, sizeof fn);
  {
    const orch_api_v1 *api = fn();
    return (api && api->abi_version == ORCH_ABI_VERSION) ? api : ORCH_W_NULL;
  }
}

__attribute__((noinline, cold)) static const orch_api_v1 *orch_w_load_api(void) {
  const char *path = getenv("ORCH_RUNTIME");
  const orch_api_v1 *api = ORCH_W_NULL;
  if (!path || !*path) {
    api = orch_w_api_from(RTLD_DEFAULT); /* linked in, or loaded by another unit */
    path = ORCH_RUNTIME_PATH;
  }
  if (!api) {
    void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (handle) api = orch_w_api_from(handle);
  }
  if (!api) {
    if (!__atomic_exchange_n(&orch_w_warned_missing_runtime, 1, __ATOMIC_RELAXED))
      fprintf(stderr, "orch: tracing disabled: cannot load runtime %s\n", path);
    api = &orch_w_noop_api;
  }
  __atomic_store_n(&orch_w_off_cache,
                   ORCH_API_HAS(api, idle) && api->idle                   ? api->idle
                   : ORCH_API_HAS(api, recording_off) && api->recording_off ? api->recording_off
                                                                            : &orch_w_ask_runtime,
                   __ATOMIC_RELAXED);
  __atomic_store_n(&orch_w_begin_fn, ORCH_API_HAS(api, span_begin) && api->span_begin ? api->span_begin : api->span_start,
                   __ATOMIC_RELAXED);
  __atomic_store_n(&orch_w_api_cache, api, __ATOMIC_RELEASE);
  return api;
}

static __inline__ const orch_api_v1 *orch_w_api(void) {
  const orch_api_v1 *api = __atomic_load_n(&orch_w_api_cache, __ATOMIC_ACQUIRE);
  return __builtin_expect(api != ORCH_W_NULL, 1) ? api : orch_w_load_api();
}

/* ---- Span operations (C and C++) ---------------------------------------- */

/* The calls into the runtime are out of line (once per unit) and cannot
 * throw: an instrumented function inlines only the checks (start: the
 * recording_off flag, two loads and two branches; end: whether there is a
 * record) and direct calls that need no landing pad. The runtime lookup and
 * the indirect calls stay out of line for the compile time of units of many
 * small functions; the checks stay inline for the sampled-out path, where a
 * call costs more than the checks (bench_span, always_off). The figures of
 * both: docs/benchmarks.md, "Skipped bodies and an out-of-line runtime call". */
__attribute__((noinline)) static void orch_w_start_in_runtime(orch_span *s, orch_site *site) ORCH_W_NOEXCEPT {
  s->api = orch_w_api();
  if (__atomic_load_n(__atomic_load_n(&orch_w_off_cache, __ATOMIC_RELAXED), __ATOMIC_RELAXED)) s->rec = ORCH_W_NULL;
  else __atomic_load_n(&orch_w_begin_fn, __ATOMIC_RELAXED)(s, site);
}
__attribute__((noinline)) static void orch_w_end_in_runtime(orch_span *s) ORCH_W_NOEXCEPT { s->api->span_end(s); }
/* The inline checks, as macros so that C++'s guard has them in its own
 * constructor and destructor rather than one inline call deeper: a level of
 * inlining costs a debug-info entry (with its parameters' locations) per
 * instrumented function, and per exit for the end. */
#define ORCH_W_START_AT(s, site)                                                         \
  do {                                                                                   \
    const uint32_t *orch_w_off = __atomic_load_n(&orch_w_off_cache, __ATOMIC_RELAXED);   \
    (s)->site = (site);                                                                  \
    if (orch_w_off && __atomic_load_n(orch_w_off, __ATOMIC_RELAXED)) {                   \
      (s)->api = ORCH_W_NULL; /* set all the same: GCC's -Wmaybe-uninitialized reaches into inlined code */ \
      (s)->rec = ORCH_W_NULL;                                                            \
    } else {                                                                             \
      orch_w_start_in_runtime((s), (site));                                              \
    }                                                                                    \
  } while (0)
#define ORCH_W_END(s)                           \
  do {                                          \
    if ((s)->rec) orch_w_end_in_runtime(s);     \
  } while (0)
/* C: the same through functions. Kept one level deeper than C++'s guard on
 * purpose: GCC's inliner sizes a C function by it, and with the checks one
 * level up it inlines instrumented functions into more callers, which costs
 * compile time (docs/benchmarks.md, "Following calls for try/catch, a flatter
 * C++ guard, and shapes tried for C"). */
static __inline__ void orch_w_start_at(orch_span *s, orch_site *site) ORCH_W_NOEXCEPT { ORCH_W_START_AT(s, site); }
static __inline__ void orch_w_end(orch_span *s) ORCH_W_NOEXCEPT { ORCH_W_END(s); }
/* C: `__attribute__((cleanup(orch_w_end))) orch_span S = orch_w_start(&site);` */
static __inline__ orch_span orch_w_start(orch_site *site) {
  orch_span s;
  orch_w_start_at(&s, site);
  return s;
}
/* A span is being recorded (not a call only counted or timed for metrics):
 * attributes are worth computing. */
static __inline__ int orch_w_recording(const orch_span *s) {
  return s->rec && !((uintptr_t)s->rec & ORCH_SPAN_TIMED_CALL);
}
/* The runtime counts failures for metrics (it has span_failed). */
static __inline__ int orch_w_counts_failures(const orch_span *s) {
  return s->api && ORCH_API_HAS(s->api, span_failed) && s->api->span_failed;
}
/* The attribute helpers return 0 so that C code can call them inside a
 * declaration (keeps -Wdeclaration-after-statement quiet). */
static __inline__ int orch_w_attr_i64(orch_span *s, const char *k, int64_t v) {
  if (orch_w_recording(s)) s->api->attr_i64(s, k, v);
  return 0;
}
static __inline__ int orch_w_attr_f64(orch_span *s, const char *k, double v) {
  if (orch_w_recording(s)) s->api->attr_f64(s, k, v);
  return 0;
}
static __inline__ int orch_w_attr_bool(orch_span *s, const char *k, int v) {
  if (orch_w_recording(s)) s->api->attr_bool(s, k, v);
  return 0;
}
static __inline__ int orch_w_attr_cstr(orch_span *s, const char *k, const char *v) {
  if (orch_w_recording(s)) s->api->attr_str(s, k, v, v ? strlen(v) : 0);
  return 0;
}
static __inline__ int orch_w_attr_str(orch_span *s, const char *k, const char *v, size_t n) {
  if (orch_w_recording(s)) s->api->attr_str(s, k, v, n);
  return 0;
}
/* Return-value recording for C: `return orch_w_ret_i64(&span, key, expr);` */
static __inline__ int64_t orch_w_ret_i64(orch_span *s, const char *k, int64_t v) {
  orch_w_attr_i64(s, k, v);
  return v;
}
static __inline__ uint64_t orch_w_ret_u64(orch_span *s, const char *k, uint64_t v) {
  orch_w_attr_i64(s, k, (int64_t)v);
  return v;
}
static __inline__ double orch_w_ret_f64(orch_span *s, const char *k, double v) {
  orch_w_attr_f64(s, k, v);
  return v;
}
static __inline__ const char *orch_w_ret_cstr(orch_span *s, const char *k, const char *v) {
  orch_w_attr_cstr(s, k, v);
  return v;
}
/* The call failed with this error.type (not an exception's: see
 * ScopedSpan::record_exception): counted in the metrics, and a recorded span
 * gets status ERROR and the attribute. Out of line and once per unit, like
 * the other rare paths. */
__attribute__((noinline, cold)) static void orch_w_failed_described(orch_span *s, const char *error_type,
                                                                    const char *description) {
  if (orch_w_counts_failures(s)) {
    s->api->span_failed(s, error_type, 0);
    if (description && orch_w_recording(s)) s->api->set_error(s, description);
  } else if (orch_w_recording(s)) {
    s->api->attr_str(s, "error.type", error_type, strlen(error_type));
    s->api->set_error(s, description ? description : "the call returned a value that means failure");
  }
}
static __inline__ void orch_w_failed(orch_span *s, const char *error_type) {
  orch_w_failed_described(s, error_type, ORCH_W_NULL);
}
/* A call's return value said it failed (`error-unless-return`,
 * `error-if-return`): the value is the error.type. */
__attribute__((noinline, cold)) static void orch_w_failed_return(orch_span *s, int64_t value) {
  char text[24];
  snprintf(text, sizeof text, "%lld", (long long)value);
  orch_w_failed(s, text);
}
static __inline__ int orch_w_return_error(orch_span *s, int failed, int64_t value) {
  if (failed && s->api) orch_w_failed_return(s, value);
  return 0;
}

/* ---- Context across threads (C and C++) ------------------------------- */

/* The runtime, if it has the context entries (a runtime older than them, or
 * none: NULL, and work handed to another thread runs without the context). */
static __inline__ const orch_api_v1 *orch_w_ctx_api(void) {
  const orch_api_v1 *api = orch_w_api();
  return ORCH_API_HAS(api, context_detach) && api->context_capture ? api : ORCH_W_NULL;
}

/* pthread_create-style APIs, as the rewrite emits them:
 *   void *b = orch_w_ctx_bundle(start, data);
 *   b ? orch_w_ctx_created(pthread_create(t, attr, orch_w_ctx_start, b), b)
 *     : pthread_create(t, attr, start, data)
 * The new thread runs start(data) under the creating thread's context. */
typedef struct orch_w_ctx_bundle_t {
  void *(*start)(void *);
  void *data;
  const orch_api_v1 *api;
  orch_captured_context ctx;
  void *token;
} orch_w_ctx_bundle_t;

/* NULL when there is nothing to carry (no current span, no runtime, out of
 * memory): the caller then calls the API unchanged. */
static __inline__ void *orch_w_ctx_bundle(void *(*start)(void *), void *data) {
  const orch_api_v1 *api = orch_w_ctx_api();
  orch_w_ctx_bundle_t *b;
  orch_captured_context ctx;
  if (!api) return ORCH_W_NULL;
  api->context_capture(&ctx);
  if (!ctx.state) return ORCH_W_NULL;
  b = (orch_w_ctx_bundle_t *)malloc(sizeof *b);
  if (!b) {
    api->context_release(&ctx);
    return ORCH_W_NULL;
  }
  b->start = start;
  b->data = data;
  b->api = api;
  b->ctx = ctx;
  b->token = ORCH_W_NULL;
  return b;
}

static __inline__ void orch_w_ctx_free(orch_w_ctx_bundle_t *b) {
  b->api->context_release(&b->ctx);
  free(b);
}

static void orch_w_ctx_finish(void *bundle) {
  orch_w_ctx_bundle_t *b = (orch_w_ctx_bundle_t *)bundle;
  b->api->context_detach(b->token);
  orch_w_ctx_free(b);
}

/* The new thread's start routine. A cleanup handler (not a plain call after
 * start returns) so that pthread_exit and cancellation inside start also
 * detach the context and free the bundle. */
static void *orch_w_ctx_start(void *bundle) {
  orch_w_ctx_bundle_t *b = (orch_w_ctx_bundle_t *)bundle;
  void *result;
  b->token = b->api->context_attach(&b->ctx);
  pthread_cleanup_push(orch_w_ctx_finish, bundle);
  result = b->start(b->data);
  pthread_cleanup_pop(1);
  return result;
}

/* Takes the API's return value: nonzero, no thread was created and the bundle
 * is freed; zero, the new thread owns it (and may have freed it already). */
static __inline__ int orch_w_ctx_created(int rc, void *bundle) {
  if (rc != 0) orch_w_ctx_free((orch_w_ctx_bundle_t *)bundle);
  return rc;
}

#ifdef __cplusplus
} /* extern "C" */
#endif

/* ---- C++: a scoped guard ------------------------------------------------ */
#ifdef __cplusplus
#include <cxxabi.h>
#include <exception>
#include <typeinfo>
#if __cplusplus >= 201103L
#include <type_traits> /* already reached through <exception> */
#endif

namespace orch {
namespace weave {

/* Customization point: a user type T becomes recordable by declaring, in T's
 * namespace, a function `orch_attribute_value(const T&)` returning any
 * recordable type (integer, floating point, bool, enum, const char*, or a
 * string-like type with data() and size()). */
namespace detail {
typedef char yes[1];
typedef char no[2];

template <class T> struct is_char_ptr { static const bool value = false; };
template <> struct is_char_ptr<char *> { static const bool value = true; };
template <> struct is_char_ptr<const char *> { static const bool value = true; };

template <class T> T &lvalue();
template <int N> struct sfinae {};

template <class T> struct is_string_like {
  template <class U> static yes &test(sfinae<sizeof(lvalue<const U>().data(), lvalue<const U>().size(), 0)> *,
                                      typename U::value_type * = static_cast<char *>(0));
  template <class U> static no &test(...);
  static const bool value = sizeof(test<T>(0)) == sizeof(yes);
};

template <class T> struct has_custom_value {
  template <class U> static yes &test(sfinae<sizeof(orch_attribute_value(lvalue<const U>()), 0)> *);
  template <class U> static no &test(...);
  static const bool value = sizeof(test<T>(0)) == sizeof(yes);
};

template <bool B> struct tag {};

/* Arithmetic categories, spelled out so that the header needs no <type_traits>
 * and works from C++98 on with GCC and Clang. */
template <class T> struct is_integer { static const bool value = false; };
template <class T> struct is_floating { static const bool value = false; };
#define ORCH_W_INTEGER(T) template <> struct is_integer<T> { static const bool value = true; };
ORCH_W_INTEGER(char) ORCH_W_INTEGER(signed char) ORCH_W_INTEGER(unsigned char) ORCH_W_INTEGER(wchar_t)
ORCH_W_INTEGER(short) ORCH_W_INTEGER(unsigned short) ORCH_W_INTEGER(int) ORCH_W_INTEGER(unsigned)
ORCH_W_INTEGER(long) ORCH_W_INTEGER(unsigned long) ORCH_W_INTEGER(long long) ORCH_W_INTEGER(unsigned long long)
#if defined(__cpp_unicode_characters) || __cplusplus >= 201103L
ORCH_W_INTEGER(char16_t) ORCH_W_INTEGER(char32_t)
#endif
#ifdef __cpp_char8_t
ORCH_W_INTEGER(char8_t)
#endif
#undef ORCH_W_INTEGER
template <> struct is_floating<float> { static const bool value = true; };
template <> struct is_floating<double> { static const bool value = true; };
template <> struct is_floating<long double> { static const bool value = true; };
template <class T> struct is_bool { static const bool value = false; };
template <> struct is_bool<bool> { static const bool value = true; };
template <class T> struct remove_cv { typedef T type; };
template <class T> struct remove_cv<const T> { typedef T type; };
template <class T> struct remove_cv<volatile T> { typedef T type; };
template <class T> struct remove_cv<const volatile T> { typedef T type; };

/* Value kinds, tried in order. */
enum kind { k_bool, k_integer, k_floating, k_cstr, k_string, k_custom, k_none };
template <class T> struct kind_of {
  static const int value = is_bool<T>::value                       ? k_bool
                           : (__is_enum(T) || is_integer<T>::value) ? k_integer
                           : is_floating<T>::value                 ? k_floating
                           : is_char_ptr<T>::value                 ? k_cstr
                           : is_string_like<T>::value              ? k_string
                           : has_custom_value<T>::value            ? k_custom
                                                                   : k_none;
};
template <int K> struct kind_tag {};

template <class T> inline void put(orch_span *s, const char *k, const T &v, kind_tag<k_bool>) { orch_w_attr_bool(s, k, v ? 1 : 0); }
template <class T> inline void put(orch_span *s, const char *k, const T &v, kind_tag<k_integer>) { orch_w_attr_i64(s, k, static_cast<int64_t>(v)); }
template <class T> inline void put(orch_span *s, const char *k, const T &v, kind_tag<k_floating>) { orch_w_attr_f64(s, k, static_cast<double>(v)); }
template <class T> inline void put(orch_span *s, const char *k, const T &v, kind_tag<k_cstr>) { orch_w_attr_cstr(s, k, v); }
template <class T> inline void put(orch_span *s, const char *k, const T &v, kind_tag<k_string>) { orch_w_attr_str(s, k, v.data(), v.size()); }
template <class T> inline void put(orch_span *, const char *, const T &, kind_tag<k_none>) {}
template <class T> inline void put(orch_span *s, const char *k, const T &v, kind_tag<k_custom>);

template <class T> struct decayed { typedef typename remove_cv<T>::type type; };
template <class T, unsigned long N> struct decayed<T[N]> { typedef const T *type; };

template <class T> inline void set(orch_span *s, const char *k, const T &v) {
  typedef typename decayed<T>::type D;
  put(s, k, v, kind_tag<kind_of<D>::value>());
}
template <class T> inline void put(orch_span *s, const char *k, const T &v, kind_tag<k_custom>) {
  set(s, k, orch_attribute_value(v));
}
}  // namespace detail

class ScopedSpan {
public:
  explicit ScopedSpan(orch_site *site) ORCH_W_NOEXCEPT { ORCH_W_START_AT(&s_, site); }
  ~ScopedSpan() { ORCH_W_END(&s_); }

  template <class T> void attr(const char *key, const T &value) ORCH_W_NOEXCEPT {
    if (orch_w_recording(&s_)) detail::set(&s_, key, value);
  }
#if __cplusplus >= 201103L
  /* A parameter pack: element i under keys[i], while there are keys. */
  template <unsigned long N, class... T> void attr_pack(const char *const (&keys)[N], const T &...values) ORCH_W_NOEXCEPT {
    if (!orch_w_recording(&s_)) return;
    unsigned long i = 0;
    int each[] = {0, (i < N ? detail::set(&s_, keys[i], values) : void(), ++i, 0)...};
    (void)each;
  }
#endif
  /* `return span.ret(key, expr);` records a cheap-to-copy return value and
   * passes it through unchanged. */
  template <class T> const T &ret(const char *key, const T &value) ORCH_W_NOEXCEPT {
    attr(key, value);
    return value;
  }
  /* A failure with this error.type and description (an integration that
   * knows the outcome). */
  void fail(const char *error_type, const char *description) ORCH_W_NOEXCEPT {
    if (s_.api) orch_w_failed_described(&s_, error_type, description);
  }
  /* Status ERROR with a description; the metrics count it as a failure of
   * error.type `_OTHER`. */
  void error(const char *description) ORCH_W_NOEXCEPT {
    if (orch_w_recording(&s_)) s_.api->set_error(&s_, description);
    else if (orch_w_counts_failures(&s_)) s_.api->span_failed(&s_, "_OTHER", 0);
  }
  /* The span, for an integration's measurement (op_record's exemplar). */
  const orch_span *raw() const ORCH_W_NOEXCEPT { return &s_; }
  /* `error-unless-return` / `error-if-return` on a call. */
  void return_error(bool failed, int64_t value) ORCH_W_NOEXCEPT { orch_w_return_error(&s_, failed ? 1 : 0, value); }
  /* Called from `catch (...) { span.record_exception(); throw; }`; out of line
   * (once per unit), as exceptions are the rare path. */
  __attribute__((noinline, cold)) void record_exception() ORCH_W_NOEXCEPT {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    if (!s_.api) return;
    const std::type_info *type = abi::__cxa_current_exception_type();
    const char *type_name = type ? type->name() : "unknown";
    if (!orch_w_recording(&s_)) {
      if (orch_w_counts_failures(&s_)) s_.api->span_failed(&s_, type_name, ORCH_FAILURE_MANGLED_TYPE);
      return;
    }
    try {
      throw;
    } catch (const std::exception &e) {
      s_.api->exception(&s_, type_name, e.what());
    } catch (...) {
      s_.api->exception(&s_, type_name, ORCH_W_NULL);
    }
#endif
  }

protected:
  orch_span s_;

private:
  ScopedSpan(const ScopedSpan &);
  ScopedSpan &operator=(const ScopedSpan &);
};

/* Used by the rewriter when it cannot wrap the body in try/catch (a function
 * returning a named local: GCC gives up NRVO inside a try block). It notices
 * an exception passing through from its destructor, without its type. */
class UnwindAwareSpan : public ScopedSpan {
public:
  explicit UnwindAwareSpan(orch_site *site) ORCH_W_NOEXCEPT : ScopedSpan(site), uncaught_(uncaught_count()) {}
  ~UnwindAwareSpan() {
    if (!s_.api || uncaught_count() <= uncaught_) return;
    if (orch_w_recording(&s_)) s_.api->set_error(&s_, "an exception left the function (its type is not recorded here)");
    else if (orch_w_counts_failures(&s_)) s_.api->span_failed(&s_, "_OTHER", 0);
  }

private:
  static int uncaught_count() ORCH_W_NOEXCEPT {
#if defined(__cpp_lib_uncaught_exceptions) || __cplusplus >= 201703L
    return std::uncaught_exceptions();
#else
    return std::uncaught_exception() ? 1 : 0;
#endif
  }
  int uncaught_;
};

#if __cplusplus >= 201103L
/* ---- C++11: work handed to another thread keeps the context --------------
 *
 * `std::thread(orch::weave::with_context(f), args...)`: f runs under the
 * context current where with_context was called, wherever and whenever it runs
 * (std::thread, std::async with any policy, std::packaged_task, std::function,
 * thread pools that copy or move their tasks). Each copy holds its own
 * reference to the captured context; a moved-from wrapper runs f without it. */
namespace detail {

template <class T> T &&fwd(typename std::remove_reference<T>::type &t) ORCH_W_NOEXCEPT { return static_cast<T &&>(t); }
template <class T> T &&declval() ORCH_W_NOEXCEPT;

/* A captured context with its own reference: copying copies the reference,
 * moving steals it. Empty without a runtime that has the context entries. */
class OwnedContext {
public:
  OwnedContext() ORCH_W_NOEXCEPT : api_(orch_w_ctx_api()) {
    if (api_) api_->context_capture(&ctx_);
    if (!api_ || !ctx_.state) clear();
  }
  OwnedContext(const OwnedContext &o) ORCH_W_NOEXCEPT : api_(o.api_) {
    if (api_) api_->context_copy(&ctx_, &o.ctx_);
    else clear();
  }
  OwnedContext(OwnedContext &&o) ORCH_W_NOEXCEPT : api_(o.api_), ctx_(o.ctx_) { o.clear(); }
  OwnedContext &operator=(OwnedContext o) ORCH_W_NOEXCEPT {
    const orch_api_v1 *api = api_;
    orch_captured_context ctx = ctx_;
    api_ = o.api_;
    ctx_ = o.ctx_;
    o.api_ = api;
    o.ctx_ = ctx;
    return *this;
  }
  ~OwnedContext() {
    if (api_) api_->context_release(&ctx_);
  }

  /* Attached for the guard's lifetime, on the thread that creates it. */
  class Attached {
  public:
    explicit Attached(const OwnedContext &c) ORCH_W_NOEXCEPT
        : api_(c.api_), token_(c.api_ ? c.api_->context_attach(&c.ctx_) : ORCH_W_NULL) {}
    ~Attached() {
      if (token_) api_->context_detach(token_);
    }

  private:
    Attached(const Attached &);
    Attached &operator=(const Attached &);
    const orch_api_v1 *api_;
    void *token_;
  };

private:
  void clear() ORCH_W_NOEXCEPT {
    api_ = ORCH_W_NULL;
    memset(&ctx_, 0, sizeof ctx_);
  }
  const orch_api_v1 *api_;
  orch_captured_context ctx_;
};

/* INVOKE (std::invoke's rules), written out for C++11 and C++14. */
template <class F, class... A>
auto invoke(F &&f, A &&...a) -> decltype(fwd<F>(f)(fwd<A>(a)...)) {
  return fwd<F>(f)(fwd<A>(a)...);
}

/* std::reference_wrapper, recognised by its shape: `type` and `type &get()`,
 * so that the header needs no <functional>. */
template <class T> struct is_reference_wrapper {
  template <class U> static yes &test(sfinae<sizeof(static_cast<typename U::type &(U::*)() const>(&U::get), 0)> *);
  template <class U> static no &test(...);
  static const bool value = sizeof(test<T>(0)) == sizeof(yes);
};

/* The object a member pointer of C applies to: the argument itself, the
 * referent of a reference_wrapper, or what a pointer (smart or not) points to. */
enum object_access { k_direct, k_wrapped, k_pointed };
template <int K> struct access_tag {};
template <class C, class T> struct object_access_of {
  typedef typename std::decay<T>::type D;
  static const int value = std::is_base_of<C, D>::value || std::is_same<C, D>::value ? k_direct
                           : is_reference_wrapper<D>::value                         ? k_wrapped
                                                                                     : k_pointed;
};
template <class T> auto object(T &&t, access_tag<k_direct>) -> T && { return fwd<T>(t); }
template <class T> auto object(T &&t, access_tag<k_wrapped>) -> decltype(t.get()) { return t.get(); }
template <class T> auto object(T &&t, access_tag<k_pointed>) -> decltype(*fwd<T>(t)) { return *fwd<T>(t); }

template <class M, class C, class T, class... A>
auto invoke_member(std::true_type /* member function */, M C::*f, T &&t, A &&...a)
    -> decltype((object(fwd<T>(t), access_tag<object_access_of<C, T>::value>()).*f)(fwd<A>(a)...)) {
  return (object(fwd<T>(t), access_tag<object_access_of<C, T>::value>()).*f)(fwd<A>(a)...);
}
template <class M, class C, class T>
auto invoke_member(std::false_type /* member data */, M C::*f, T &&t)
    -> decltype(object(fwd<T>(t), access_tag<object_access_of<C, T>::value>()).*f) {
  return object(fwd<T>(t), access_tag<object_access_of<C, T>::value>()).*f;
}
template <class M, class C, class T, class... A>
auto invoke(M C::*f, T &&t, A &&...a)
    -> decltype(invoke_member(typename std::is_function<M>::type(), f, fwd<T>(t), fwd<A>(a)...)) {
  return invoke_member(typename std::is_function<M>::type(), f, fwd<T>(t), fwd<A>(a)...);
}

}  // namespace detail

template <class F> class WithContext {
public:
  explicit WithContext(const F &f) : f_(f) {}
  explicit WithContext(F &&f) : f_(detail::fwd<F>(f)) {}

  /* Called as an lvalue or an rvalue, const or not, f is invoked the same way
   * (so that a std::async or std::thread task may move it into the call). */
  template <class... A>
  auto operator()(A &&...a) & -> decltype(detail::invoke(detail::declval<F &>(), detail::fwd<A>(a)...)) {
    return call(f_, detail::fwd<A>(a)...);
  }
  template <class... A>
  auto operator()(A &&...a) const & -> decltype(detail::invoke(detail::declval<const F &>(), detail::fwd<A>(a)...)) {
    return call(f_, detail::fwd<A>(a)...);
  }
  template <class... A>
  auto operator()(A &&...a) && -> decltype(detail::invoke(detail::declval<F>(), detail::fwd<A>(a)...)) {
    return call(detail::fwd<F>(f_), detail::fwd<A>(a)...);
  }
  template <class... A>
  auto operator()(A &&...a) const && -> decltype(detail::invoke(detail::declval<const F>(), detail::fwd<A>(a)...)) {
    return call(detail::fwd<const F>(f_), detail::fwd<A>(a)...);
  }

private:
  /* The guard detaches on the way out, also when f throws. */
  template <class G, class... A>
  auto call(G &&g, A &&...a) const -> decltype(detail::invoke(detail::fwd<G>(g), detail::fwd<A>(a)...)) {
    detail::OwnedContext::Attached attached(ctx_);
    return detail::invoke(detail::fwd<G>(g), detail::fwd<A>(a)...);
  }

  F f_;
  detail::OwnedContext ctx_;  // captured after f_ is in place
};

template <class F> WithContext<typename std::decay<F>::type> with_context(F &&f) {
  return WithContext<typename std::decay<F>::type>(detail::fwd<F>(f));
}
#endif /* C++11 */

}  // namespace weave
}  // namespace orch
#endif /* __cplusplus */

#endif /* ORCH_WEAVE_H */
