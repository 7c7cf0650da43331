// One HTTP(S) POST endpoint over libcurl, used by one thread: the connection
// is kept alive between requests, and every request is bounded by a timeout
// covering name resolution, connecting, sending and waiting for the answer.
// Every descriptor it opens is close-on-exec.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/types.h>

typedef void CURL;
typedef void CURLM;
struct curl_slist;

namespace orch::rt {

struct HttpResponse {
  long status = 0;  // 0: no HTTP answer, see transport_error
  // Empty when an HTTP answer arrived; otherwise libcurl's reason.
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

// Initialises libcurl (and so OpenSSL) once per process. Call it on the
// thread that registers the runtime's exit handler, before registering it:
// OpenSSL's own exit handler is then registered first and so runs after ours,
// never while the exporter thread is still using it.
void prepare_http_transport();

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
  void open_handle();
  static size_t on_header(char *data, size_t size, size_t count, void *self);
  static size_t on_body(char *data, size_t size, size_t count, void *self);
  static int on_connected(void *self, char *, char *, int, int);

  Options options_;
  CURLM *multi_ = nullptr;
  CURL *curl_ = nullptr;
  curl_slist *headers_ = nullptr;
  pid_t owner_pid_ = 0;  // the process that opened curl_
  HttpResponse response_;
  char error_buffer_[256] = {};
  bool connected_ = false;  // in this request, a connection was made or reused
};

}  // namespace orch::rt
