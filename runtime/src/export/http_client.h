// One HTTP(S) POST endpoint, used by one thread: the connection is kept
// alive between requests, and every request is bounded by a timeout covering
// name resolution, connecting, sending and waiting for the answer. Every
// descriptor it opens is close-on-exec.
//
// The transport depends on the URL: `http://` goes over a plain socket
// (http_plain.h); `https://` (and `http://user@host` URLs) over libcurl,
// which is loaded with dlopen at the first such client (http_curl.h), so
// that loading the runtime does not load libcurl.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <memory>

namespace orch::rt {

// An ExportTraceServiceResponse is a few bytes; an error page may be long.
inline constexpr size_t kMaxBodyBytes = 64 * 1024;

struct HttpResponse {
  long status = 0;  // 0: no HTTP answer, see transport_error
  // Empty when an HTTP answer arrived; otherwise the transport's reason.
  std::string transport_error;
  // Transport errors that may go away by themselves (refused, reset, timed
  // out, garbage reply), as opposed to configuration errors (bad URL,
  // certificate problems, unsupported protocol).
  bool transport_retryable = false;
  // No connection could be made: refused (nothing listens), the host name
  // does not resolve, or connecting timed out.
  bool unreachable = false;
  std::string retry_after;    // the Retry-After header, if any
  std::string body;           // the body (its first 64 KiB)
};

// For a URL that goes through libcurl: loads and initialises libcurl (and so
// OpenSSL) once per process; nothing for a plain `http://` URL. Call it on
// the thread that registers the runtime's exit handler, before registering
// it: OpenSSL's own exit handler is then registered first and so runs after
// ours, never while the exporter thread is still using it.
void prepare_http_transport(std::string_view url);

// One way of sending the POST (plain socket or libcurl).
class HttpTransport {
public:
  virtual ~HttpTransport() = default;
  // `response` arrives cleared.
  virtual void post(std::string_view body, std::chrono::milliseconds timeout,
                    std::chrono::milliseconds connect_timeout, HttpResponse &response) = 0;
};

class HttpClient {
public:
  struct Options {
    std::string url;
    std::vector<std::string> header_lines;  // "Name: value"
    std::string user_agent;
    std::string certificate_file;           // CA bundle for https; empty: system default
    std::string client_certificate_file;    // PEM, for mutual TLS; empty: none
    std::string client_key_file;            // PEM private key of the client certificate
  };

  explicit HttpClient(Options options);
  ~HttpClient();
  HttpClient(const HttpClient &) = delete;
  HttpClient &operator=(const HttpClient &) = delete;

  // POSTs `body`; gives up after `timeout`, or after `connect_timeout` if no
  // connection is made by then. The result is valid until the next call.
  const HttpResponse &post(std::string_view body, std::chrono::milliseconds timeout,
                           std::chrono::milliseconds connect_timeout);

private:
  Options options_;
  std::unique_ptr<HttpTransport> transport_;  // null: none could be set up (transport_error_ says why)
  std::string transport_error_;
  HttpResponse response_;
};

}  // namespace orch::rt
