/* Built-in `cpp-httplib` (aspects/cpp-httplib.yaml): each handler registered
 * with httplib::Server::Get/Post/Put/Patch/Delete/Options is wrapped so that
 * every request it handles is a server span named "METHOD route" (the pattern
 * it was registered with), under the request's incoming W3C traceparent and
 * tracestate when they are valid (a new trace otherwise). Attributes follow
 * the OpenTelemetry HTTP semantic conventions (v1.26, stable): http.request.method,
 * http.route, url.path, url.query, server.port, client.address,
 * user_agent.original, http.response.status_code; a 5xx response sets status
 * ERROR with error.type, an exception leaving the handler is recorded and
 * rethrown to cpp-httplib as before. Every request, sampled or not, is
 * measured in http.server.request.duration (the handler's time: reading the
 * request and writing the response are cpp-httplib's, outside the handler)
 * with http.request.method, url.scheme (http: a handler cannot tell an
 * SSLServer's requests), http.route, http.response.status_code,
 * network.protocol.version and error.type.
 *
 * Included in place of orch/weave.h by units whose calls the aspect wove
 * (C++17). Nothing of it is compiled into a program that does not register
 * cpp-httplib handlers. */
#ifndef ORCH_INTEGRATIONS_CPP_HTTPLIB_H
#define ORCH_INTEGRATIONS_CPP_HTTPLIB_H

#include "metrics.h"
#include "propagation.h"

#pragma GCC system_header

#include <httplib.h>

#include <cxxabi.h>
#include <stdlib.h>

#include <string>
#include <type_traits>
#include <utility>

namespace orch {
namespace integrations {
namespace cpp_httplib {

/* The request's traceparent/tracestate, attached while the handler runs. */
class incoming_context : public ::orch::integrations::incoming_context {
public:
  explicit incoming_context(const httplib::Request &req)
      : ::orch::integrations::incoming_context(req.get_header_value("traceparent"), tracestate(req)) {}

private:
  static std::string tracestate(const httplib::Request &req) {
    std::string out;
    for (size_t i = 0, n = req.get_header_value_count("tracestate"); i < n; ++i)
      out += (i ? "," : "") + req.get_header_value("tracestate", i);
    return out;
  }
};

/* One registration: its span site lives as long as the program (handlers are
 * registered once and kept by the server). */
struct route {
  std::string name;  // "GET /items/:id"
  std::string pattern;
  orch_site site;

  route(const char *method, const char *pattern_or_null)
      : name(std::string(method) + (pattern_or_null ? std::string(" ") + pattern_or_null : std::string())),
        pattern(pattern_or_null ? pattern_or_null : "") {
    // Measured in http.server.request.duration, not in the site's metrics.
    site = orch_site{ORCH_SITE_VERSION, ORCH_KIND_SERVER, name.c_str(), "httplib::Server::dispatch_request",
                     __FILE__, static_cast<uint32_t>(__LINE__), 0, ORCH_W_NULL, ORCH_W_NULL, ORCH_SITE_NO_METRICS};
  }

  void record_request(::orch::weave::ScopedSpan &span, const httplib::Request &req) const {
    span.attr("http.request.method", req.method);
    if (!pattern.empty()) span.attr("http.route", pattern);
    span.attr("url.path", req.path);
    if (!req.params.empty()) {
      /* the raw query is not kept by cpp-httplib: its parameters, re-joined */
      std::string query;
      for (const auto &kv : req.params) query += (query.empty() ? "" : "&") + kv.first + "=" + kv.second;
      span.attr("url.query", query);
    }
    span.attr("server.port", req.local_port);
    span.attr("client.address", req.remote_addr);
    if (req.has_header("User-Agent")) span.attr("user_agent.original", req.get_header_value("User-Agent"));
  }

  static int status_of(const httplib::Response &res) {
    return res.status == -1 ? 200 : res.status;  // cpp-httplib answers 200 when the handler set none
  }

  static void record_response(::orch::weave::ScopedSpan &span, const httplib::Response &res) {
    const int status = status_of(res);
    span.attr("http.response.status_code", status);
    if (status >= 500) {
      const std::string code = std::to_string(status);
      span.fail(code.c_str(), code.c_str());
    }
  }
};

/* http.server.request.duration of one request. */
class measurement {
public:
  measurement() {
    const orch_api_v1 *api = orch_w_api();
    start_ = ORCH_API_HAS(api, op_record) && api->op_start ? api->op_start() : 0;
  }

  /* The handler answered `status`, or threw (`exception`: cpp-httplib answers 500). */
  void record(const route &r, const httplib::Request &req, const ::orch::weave::ScopedSpan &span, int status,
              bool exception) {
    if (!start_) return;
    orch_metric_attr attrs[6];
    uint32_t n = 0;
    attrs[n++] = {"http.request.method", orch_http_metric_method(req.method.c_str()), 0};
    attrs[n++] = {"url.scheme", "http", 0};
    if (!r.pattern.empty()) attrs[n++] = {"http.route", r.pattern.c_str(), 0};
    attrs[n++] = {"http.response.status_code", ORCH_W_NULL, status};
    const std::string version = req.version.rfind("HTTP/", 0) == 0 ? req.version.substr(5) : req.version;
    if (!version.empty()) attrs[n++] = {"network.protocol.version", version.c_str(), 0};
    const std::string error = exception ? exception_type() : status >= 500 ? std::to_string(status) : std::string();
    if (!error.empty()) attrs[n++] = {"error.type", error.c_str(), 0};
    orch_w_api()->op_record(&orch_http_server_duration, start_, attrs, n, span.raw());
  }

private:
  /* The type of the exception being handled, demangled. */
  static std::string exception_type() {
    const std::type_info *type = abi::__cxa_current_exception_type();
    if (!type) return "_OTHER";
    int status = 0;
    char *name = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
    std::string out = status == 0 && name ? name : type->name();
    free(name);
    return out;
  }

  uint64_t start_;
};

/* One request handled under its span: the incoming context attached, the
 * request's attributes, the handler (`call`), the response's status. */
template <class Call>
void handle(const route &r, const httplib::Request &req, const httplib::Response &res, Call &&call) {
  incoming_context incoming(req);
  ::orch::weave::ScopedSpan span(const_cast<orch_site *>(&r.site));
  measurement m;
  r.record_request(span, req);
  try {
    call();
  } catch (...) {
    span.record_exception();
    m.record(r, req, span, 500, true);
    throw;
  }
  route::record_response(span, res);
  m.record(r, req, span, route::status_of(res), false);
}

/* The handler, wrapped: the same signature, so that overload resolution picks
 * the same Server method. */
template <class Handler> auto wrap(const char *method, const char *pattern, Handler &&handler) {
  using H = std::decay_t<Handler>;
  const route *r = new route(method, pattern);  // kept for the program's life, as the handler is
  if constexpr (std::is_invocable_v<H &, const httplib::Request &, httplib::Response &>) {
    return [r, h = H(std::forward<Handler>(handler))](const httplib::Request &req, httplib::Response &res) {
      handle(*r, req, res, [&] { h(req, res); });
    };
  } else {
    return [r, h = H(std::forward<Handler>(handler))](const httplib::Request &req, httplib::Response &res,
                                                       const httplib::ContentReader &reader) {
      handle(*r, req, res, [&] { h(req, res, reader); });
    };
  }
}

template <class H> auto get(const char *pattern, H &&h) { return wrap("GET", pattern, std::forward<H>(h)); }
template <class H> auto post(const char *pattern, H &&h) { return wrap("POST", pattern, std::forward<H>(h)); }
template <class H> auto put(const char *pattern, H &&h) { return wrap("PUT", pattern, std::forward<H>(h)); }
template <class H> auto patch(const char *pattern, H &&h) { return wrap("PATCH", pattern, std::forward<H>(h)); }
template <class H> auto del(const char *pattern, H &&h) { return wrap("DELETE", pattern, std::forward<H>(h)); }
template <class H> auto options(const char *pattern, H &&h) { return wrap("OPTIONS", pattern, std::forward<H>(h)); }

}  // namespace cpp_httplib
}  // namespace integrations
}  // namespace orch

#endif
