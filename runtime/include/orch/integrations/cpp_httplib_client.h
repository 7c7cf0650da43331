/* Built-in `cpp-httplib`, client side (aspects/cpp-httplib.yaml): the
 * program's calls of httplib::Client's (and ClientImpl's, SSLClient's) Get,
 * Head, Post, Put, Patch, Delete and Options go to client_call below, the
 * object first. Each is a client span named by the method with the
 * OpenTelemetry HTTP semantic conventions' attributes (v1.26):
 * http.request.method, server.address, server.port, url.full (scheme, host,
 * port and the path as given), http.response.status_code; a 4xx or 5xx answer
 * (error.type: the status) or a failed request (error.type: cpp-httplib's
 * Error name) sets status ERROR. Every call, sampled or not, is measured in
 * http.client.request.duration.
 *
 * The span's traceparent and tracestate go out with the request: into a copy
 * of the headers the call passes, or, for an overload without headers, by
 * calling the overload that takes them (every method has one, except Put and
 * Patch without a body); the program's own headers are sent as given.
 *
 * Included in place of orch/weave.h by units whose calls the aspect wove
 * (C++17). */
#ifndef ORCH_INTEGRATIONS_CPP_HTTPLIB_CLIENT_H
#define ORCH_INTEGRATIONS_CPP_HTTPLIB_CLIENT_H

#include "metrics.h"
#include "propagation.h"
#include "sites.h"

#pragma GCC system_header

#include <httplib.h>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace orch {
namespace integrations {
namespace cpp_httplib {

inline orch_site *client_site(const char *method) {
  static orch_site sites[] = {ORCH_CLIENT_SITE("GET", "httplib::Client"),    ORCH_CLIENT_SITE("HEAD", "httplib::Client"),
                              ORCH_CLIENT_SITE("POST", "httplib::Client"),   ORCH_CLIENT_SITE("PUT", "httplib::Client"),
                              ORCH_CLIENT_SITE("PATCH", "httplib::Client"),  ORCH_CLIENT_SITE("DELETE", "httplib::Client"),
                              ORCH_CLIENT_SITE("OPTIONS", "httplib::Client"), ORCH_CLIENT_SITE("HTTP", "httplib::Client")};
  return ORCH_SITE_NAMED(sites, method);
}

/* Where a client sends its requests. cpp-httplib 0.11 keeps the host and port
 * in ClientImpl's protected members and a Client's ClientImpl in a private
 * one: read through a derived class (protected) and an explicit
 * instantiation (private: the one place the language lets a name of a
 * private member be used), with a tag of internal linkage so that every unit
 * has its own instantiation. */
struct impl_peek : httplib::ClientImpl {
  static const std::string &host(const httplib::ClientImpl &c) { return c.*(&impl_peek::host_); }
  static int port(const httplib::ClientImpl &c) { return c.*(&impl_peek::port_); }
};
namespace {
struct client_impl_member {
  using type = std::unique_ptr<httplib::ClientImpl> httplib::Client::*;
  friend type member_of(client_impl_member);
};
template <class Tag, typename Tag::type M> struct expose {
  friend typename Tag::type member_of(Tag) { return M; }
};
template struct expose<client_impl_member, &httplib::Client::cli_>;
}  // namespace

inline bool is_ssl(const httplib::ClientImpl &c) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  return dynamic_cast<const httplib::SSLClient *>(&c) != nullptr;
#else
  (void)c;
  return false;
#endif
}

inline const httplib::ClientImpl *impl_of(const httplib::ClientImpl &c) { return &c; }
inline const httplib::ClientImpl *impl_of(const httplib::Client &c) {
  return (c.*member_of(client_impl_member())).get();
}

/* The span's context as httplib headers, added to `base` (whose own
 * traceparent and tracestate it replaces). */
inline httplib::Headers with_trace(const httplib::Headers &base, const outgoing_headers &out) {
  httplib::Headers headers = base;
  headers.erase("traceparent");
  headers.erase("tracestate");
  for (const std::string *line : {&out.traceparent, &out.tracestate}) {
    const size_t colon = line->find(':');
    if (colon != std::string::npos) headers.emplace(line->substr(0, colon), line->substr(colon + 2));
  }
  return headers;
}

template <class A> constexpr bool is_headers = std::is_same_v<std::decay_t<A>, httplib::Headers>;

/* An argument as passed, or the headers with the trace context added. */
template <class A> decltype(auto) pass(A &&a, const outgoing_headers &out) {
  if constexpr (is_headers<A>) return with_trace(a, out);
  else return std::forward<A>(a);
}

/* The span and the measurement of one call. */
class client_operation {
public:
  template <class C> client_operation(const char *method, const C &client, const std::string &path) {
    orch_w_start_at(&op_.span, client_site(method));
    orch_op_begin(&op_);
    if (!orch_op_wanted(&op_)) return;
    const httplib::ClientImpl *impl = impl_of(client);
    orch_op_str(&op_, "http.request.method", method);
    if (!impl) return;
    host_ = impl_peek::host(*impl);
    orch_op_str(&op_, "server.address", host_.c_str());
    orch_op_i64(&op_, "server.port", impl_peek::port(*impl));
    const std::string url = std::string(is_ssl(*impl) ? "https://" : "http://") + host_ + ":" +
                            std::to_string(impl_peek::port(*impl)) + path;
    orch_w_attr_cstr(&op_.span, "url.full", url.c_str());
  }
  client_operation(const client_operation &) = delete;
  client_operation &operator=(const client_operation &) = delete;

  bool recording() const { return orch_w_recording(&op_.span); }

  void end(const httplib::Result &r) {
    std::string error;
    if (r) {
      orch_op_i64(&op_, "http.response.status_code", r->status);
      if (r->status >= 400) error = std::to_string(r->status);
    } else {
      error = httplib::to_string(r.error());
    }
    if (!error.empty()) {
      orch_op_metric_str(&op_, "error.type", error.c_str());
      if (op_.span.api) orch_w_failed_described(&op_.span, error.c_str(), r ? nullptr : error.c_str());
    }
    orch_op_record(&op_, &orch_http_client_duration);
    orch_w_end(&op_.span);
  }

private:
  orch_op op_;
  std::string host_;  // the metric's server.address
};

/* One call `invoke(client, path, args...)` under its span. */
template <class Invoke, class C, class... A>
httplib::Result client_call(const char *method, Invoke invoke, C &client, const std::string &path, A &&...args) {
  client_operation op(method, client, path);
  const outgoing_headers out = op.recording() ? outgoing_headers::current() : outgoing_headers();
  httplib::Result r = [&]() -> httplib::Result {
    if (out.traceparent.empty()) return invoke(client, path, std::forward<A>(args)...);
    if constexpr ((is_headers<A> || ...)) return invoke(client, path, pass(std::forward<A>(args), out)...);
    else if constexpr (std::is_invocable_v<Invoke, C &, const std::string &, const httplib::Headers &, A...>)
      return invoke(client, path, with_trace(httplib::Headers(), out), std::forward<A>(args)...);
    else return invoke(client, path, std::forward<A>(args)...);
  }();
  op.end(r);
  return r;
}

#define ORCH_HTTPLIB_CLIENT_METHOD(wrapper, member, method)                                                 \
  template <class C, class... A> httplib::Result wrapper(C &client, const std::string &path, A &&...args) { \
    auto invoke = [](auto &c, auto &&...a) -> decltype(c.member(std::forward<decltype(a)>(a)...)) {         \
      return c.member(std::forward<decltype(a)>(a)...);                                                     \
    };                                                                                                      \
    return client_call(method, invoke, client, path, std::forward<A>(args)...);                             \
  }
ORCH_HTTPLIB_CLIENT_METHOD(client_get, Get, "GET")
ORCH_HTTPLIB_CLIENT_METHOD(client_head, Head, "HEAD")
ORCH_HTTPLIB_CLIENT_METHOD(client_post, Post, "POST")
ORCH_HTTPLIB_CLIENT_METHOD(client_put, Put, "PUT")
ORCH_HTTPLIB_CLIENT_METHOD(client_patch, Patch, "PATCH")
ORCH_HTTPLIB_CLIENT_METHOD(client_delete, Delete, "DELETE")
ORCH_HTTPLIB_CLIENT_METHOD(client_options, Options, "OPTIONS")
#undef ORCH_HTTPLIB_CLIENT_METHOD

}  // namespace cpp_httplib
}  // namespace integrations
}  // namespace orch

#endif
