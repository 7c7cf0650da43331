/* Built-in `libcurl` (aspects/libcurl.yaml): the program's calls of the easy
 * interface go to the wrappers below. Each curl_easy_perform is a client span
 * named by the request's method, with the OpenTelemetry HTTP semantic
 * conventions' attributes (v1.26): http.request.method, url.full (user and
 * password, and the values of AWSAccessKeyId, Signature, sig and
 * X-Goog-Signature query parameters, REDACTED), server.address, server.port,
 * http.response.status_code; a curl error (error.type: the CURLcode) or a 4xx
 * or 5xx answer (error.type: the status code) sets status ERROR.
 *
 * In C++ units the W3C traceparent and tracestate of the span are added to the
 * request's headers for each transfer, the program's own header list kept as
 * it is (sent once, given back to the handle afterwards): the list a unit
 * sets with curl_easy_setopt(h, CURLOPT_HTTPHEADER, list) is remembered per
 * handle (forgotten by curl_easy_reset and curl_easy_cleanup, copied by
 * curl_easy_duphandle), and so is the method the options choose. A handle
 * whose options orch did not see (set in a unit not built through orch, or in
 * C, where curl.h's type-checking macro hides curl_easy_setopt's calls) gets
 * its span but no injected headers, since its header list is unknown.
 *
 * Included in place of orch/weave.h by units whose calls the aspect wove. */
#ifndef ORCH_INTEGRATIONS_LIBCURL_H
#define ORCH_INTEGRATIONS_LIBCURL_H

#include "metrics.h"
#include "sites.h"

#pragma GCC system_header

#include <curl/curl.h>

/* Spans are named by the method; "HTTP" when it is unknown or not a standard one. */
static orch_site orch_curl_sites[] = {
    ORCH_CLIENT_SITE("GET", "curl_easy_perform"),    ORCH_CLIENT_SITE("POST", "curl_easy_perform"),
    ORCH_CLIENT_SITE("PUT", "curl_easy_perform"),    ORCH_CLIENT_SITE("DELETE", "curl_easy_perform"),
    ORCH_CLIENT_SITE("HEAD", "curl_easy_perform"),   ORCH_CLIENT_SITE("PATCH", "curl_easy_perform"),
    ORCH_CLIENT_SITE("OPTIONS", "curl_easy_perform"), ORCH_CLIENT_SITE("HTTP", "curl_easy_perform")};

/* url.full as the conventions want it: credentials and signed query values
 * REDACTED. Into a malloc'd string (NULL without memory). */
static __inline__ char *orch_curl_redacted_url(const char *url) {
  static const char *const sensitive[] = {"AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature"};
  size_t len = strlen(url), o = 0, i = 0, k;
  char *out = (char *)malloc(len * 2 + 32);
  const char *scheme_end = strstr(url, "://"), *authority, *at, *slash;
  if (!out) return ORCH_W_NULL;
  if (scheme_end) {
    authority = scheme_end + 3;
    slash = authority + strcspn(authority, "/?#");
    at = (const char *)memchr(authority, '@', (size_t)(slash - authority));
    if (at) {
      memcpy(out, url, (size_t)(authority - url));
      o = (size_t)(authority - url);
      memcpy(out + o, "REDACTED:REDACTED", 17);
      o += 17;
      i = (size_t)(at - url);
    }
  }
  while (i < len) {
    char c = url[i];
    out[o++] = url[i++];
    if (c != '?' && c != '&') continue;
    for (k = 0; k < sizeof sensitive / sizeof sensitive[0]; ++k) {
      size_t n = strlen(sensitive[k]);
      if (strncmp(url + i, sensitive[k], n) == 0 && url[i + n] == '=') {
        memcpy(out + o, url + i, n + 1);
        o += n + 1;
        i += n + 1;
        memcpy(out + o, "REDACTED", 8);
        o += 8;
        i += strcspn(url + i, "&#");
        break;
      }
    }
  }
  out[o] = '\0';
  return out;
}

/* The transfer is over: the span's attributes and status, the measurement
 * of http.client.request.duration, the span's end. */
static __inline__ void orch_curl_end(orch_op *o, CURL *h, CURLcode rc) {
  char *url = ORCH_W_NULL, *method = ORCH_W_NULL, *host = ORCH_W_NULL, *port = ORCH_W_NULL;
  CURLU *parts = ORCH_W_NULL;
  long status = 0;
  char code[24];
  if (orch_op_wanted(o)) {
    if (curl_easy_getinfo(h, CURLINFO_EFFECTIVE_METHOD, &method) == CURLE_OK && method) {
      orch_w_attr_cstr(&o->span, "http.request.method", method);
      orch_op_metric_str(o, "http.request.method", orch_http_metric_method(method));
    }
    if (curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK && url) {
      if (orch_w_recording(&o->span)) {
        char *redacted = orch_curl_redacted_url(url);
        if (redacted) orch_w_attr_cstr(&o->span, "url.full", redacted);
        free(redacted);
      }
      parts = curl_url();
      if (parts && curl_url_set(parts, CURLUPART_URL, url, 0) == CURLUE_OK) {
        if (curl_url_get(parts, CURLUPART_HOST, &host, 0) == CURLUE_OK) orch_op_str(o, "server.address", host);
        if (curl_url_get(parts, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
          orch_op_i64(o, "server.port", atoi(port));
      }
    }
    if (curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && status > 0)
      orch_op_i64(o, "http.response.status_code", status);
  }
  if (rc != CURLE_OK || status >= 400) {
    snprintf(code, sizeof code, "%d", rc != CURLE_OK ? (int)rc : (int)status);
    orch_op_metric_str(o, "error.type", code);
    if (o->span.api) orch_w_failed_described(&o->span, code, rc != CURLE_OK ? curl_easy_strerror(rc) : ORCH_W_NULL);
  }
  orch_op_record(o, &orch_http_client_duration);
  curl_free(host);
  curl_free(port);
  curl_url_cleanup(parts);
  orch_w_end(&o->span);
}

#ifndef __cplusplus

static __inline__ CURLcode orch_curl_easy_perform(CURL *h) {
  orch_op op;
  CURLcode rc;
  orch_w_start_at(&op.span, ORCH_SITE_NAMED(orch_curl_sites, ORCH_W_NULL));
  orch_op_begin(&op);
  rc = curl_easy_perform(h);
  orch_curl_end(&op, h, rc);
  return rc;
}
static __inline__ void orch_curl_easy_cleanup(CURL *h) { curl_easy_cleanup(h); }
static __inline__ void orch_curl_easy_reset(CURL *h) { curl_easy_reset(h); }
static __inline__ CURL *orch_curl_easy_duphandle(CURL *h) { return curl_easy_duphandle(h); }
/* Strict ISO C (-std=c99...) gets curl.h's pass-through macro rather than its
 * type-checking one, so its setopt calls are woven too: as they are, C having
 * no way to keep the option's value by its type. */
#define orch_curl_easy_setopt curl_easy_setopt

#else

#include "propagation.h"

#include <strings.h>

#include <mutex>
#include <string>
#include <type_traits>
#include <unordered_map>

namespace orch {
namespace integrations {
namespace libcurl {

/* What the program set on a handle, as far as orch saw it. */
struct handle_state {
  curl_slist *headers = nullptr;  // the program's CURLOPT_HTTPHEADER list (the program owns it)
  const char *method = "GET";     // from the options that choose it
  std::string custom_method;      // CURLOPT_CUSTOMREQUEST
};

struct handles {
  std::mutex mu;
  std::unordered_map<CURL *, handle_state> known;
  static handles &get() {
    static handles h;  // one per program: an inline function's static
    return h;
  }
};

template <class T> void remember(CURL *h, CURLoption option, const T &value) {
  handles &all = handles::get();
  std::lock_guard<std::mutex> lock(all.mu);
  handle_state &s = all.known[h];
  const bool on = [&] {
    if constexpr (std::is_integral_v<T>) return value != 0;
    else return true;
  }();
  switch (option) {
  case CURLOPT_HTTPHEADER:
    if constexpr (std::is_pointer_v<T> || std::is_null_pointer_v<T>) s.headers = (curl_slist *)value;
    break;
  case CURLOPT_CUSTOMREQUEST:
    if constexpr (std::is_pointer_v<T>) s.custom_method = value ? (const char *)value : "";
    break;
  case CURLOPT_HTTPGET:
    if (on) s.method = "GET";
    break;
  case CURLOPT_POST:
    s.method = on ? "POST" : "GET";
    break;
  case CURLOPT_POSTFIELDS:
  case CURLOPT_COPYPOSTFIELDS:
  case CURLOPT_MIMEPOST:
    s.method = "POST";
    break;
  case CURLOPT_UPLOAD:
    s.method = on ? "PUT" : "GET";
    break;
  case CURLOPT_NOBODY:
    s.method = on ? "HEAD" : "GET";
    break;
  default:
    break;
  }
}

/* What orch saw set on a handle, copied into `out`; false when nothing. */
inline bool seen(CURL *h, handle_state &out) {
  handles &all = handles::get();
  std::lock_guard<std::mutex> lock(all.mu);
  auto it = all.known.find(h);
  if (it == all.known.end()) return false;
  out = it->second;
  return true;
}

inline const char *method_of(const handle_state &s) { return s.custom_method.empty() ? s.method : s.custom_method.c_str(); }

inline bool is_trace_header(const char *line) {
  return strncasecmp(line, "traceparent:", 12) == 0 || strncasecmp(line, "tracestate:", 11) == 0;
}

/* The program's headers, then the context's; nullptr (nothing to change)
 * without a context or memory. */
inline curl_slist *with_trace_headers(const curl_slist *program, const outgoing_headers &out) {
  if (out.traceparent.empty()) return nullptr;
  curl_slist *list = nullptr;
  for (const curl_slist *h = program; h; h = h->next) {
    if (is_trace_header(h->data)) continue;  // the span's context replaces any of the program's
    curl_slist *more = curl_slist_append(list, h->data);
    if (!more) return curl_slist_free_all(list), nullptr;
    list = more;
  }
  for (const std::string *line : {&out.traceparent, &out.tracestate}) {
    if (line->empty()) continue;
    curl_slist *more = curl_slist_append(list, line->c_str());
    if (!more) return curl_slist_free_all(list), nullptr;
    list = more;
  }
  return list;
}

}  // namespace libcurl
}  // namespace integrations
}  // namespace orch

template <class T> CURLcode orch_curl_easy_setopt(CURL *h, CURLoption option, T value) {
  CURLcode rc = curl_easy_setopt(h, option, value);
  if (rc == CURLE_OK) ::orch::integrations::libcurl::remember(h, option, value);
  return rc;
}

inline CURLcode orch_curl_easy_perform(CURL *h) {
  namespace lc = ::orch::integrations::libcurl;
  lc::handle_state state;
  const bool known = lc::seen(h, state);
  const char *method = known ? lc::method_of(state) : nullptr;
  orch_op op;
  orch_w_start_at(&op.span, ORCH_SITE_NAMED(orch_curl_sites, method));
  orch_op_begin(&op);
  curl_slist *injected = known && orch_w_recording(&op.span)
                             ? lc::with_trace_headers(state.headers, ::orch::integrations::outgoing_headers::current())
                             : nullptr;
  if (injected) curl_easy_setopt(h, CURLOPT_HTTPHEADER, injected);
  const CURLcode rc = curl_easy_perform(h);
  if (injected) {
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, state.headers);  // the program's list again
    curl_slist_free_all(injected);
  }
  orch_curl_end(&op, h, rc);
  return rc;
}

inline void orch_curl_easy_reset(CURL *h) {
  curl_easy_reset(h);
  auto &all = ::orch::integrations::libcurl::handles::get();
  std::lock_guard<std::mutex> lock(all.mu);
  all.known.erase(h);
}

inline void orch_curl_easy_cleanup(CURL *h) {
  {
    auto &all = ::orch::integrations::libcurl::handles::get();
    std::lock_guard<std::mutex> lock(all.mu);
    all.known.erase(h);
  }
  curl_easy_cleanup(h);
}

inline CURL *orch_curl_easy_duphandle(CURL *h) {
  CURL *copy = curl_easy_duphandle(h);
  if (!copy) return copy;
  auto &all = ::orch::integrations::libcurl::handles::get();
  std::lock_guard<std::mutex> lock(all.mu);
  auto it = all.known.find(h);
  if (it != all.known.end()) {
    ::orch::integrations::libcurl::handle_state state = it->second;
    all.known[copy] = state;
  }
  return copy;
}

#endif /* __cplusplus */

#endif
