#include "http_client.h"

#include <cstdlib>

#include "http_curl.h"
#include "http_plain.h"
#include "warn.h"

namespace orch::rt {
namespace {

// The plain client does not speak to proxies; libcurl honours these variables
// (not HTTP_PROXY, as curl does not).
bool proxy_configured() {
  for (const char *name : {"http_proxy", "all_proxy", "ALL_PROXY"})
    if (const char *value = std::getenv(name); value && *value) return true;
  return false;
}

bool plain_http(std::string_view url, PlainHttpTarget &target) {
  return !proxy_configured() && parse_plain_http_url(url, target);
}

}  // namespace

void prepare_http_transport(std::string_view url) {
  PlainHttpTarget target;
  if (!plain_http(url, target)) load_curl();
}

HttpClient::HttpClient(Options options) : options_(std::move(options)) {
  try {
    if (PlainHttpTarget target; plain_http(options_.url, target)) {
      transport_ = std::make_unique<PlainHttpTransport>(options_, std::move(target));
    } else {
      transport_ = make_curl_transport(options_, transport_error_);
      if (!transport_) warn_stderr(transport_error_);
    }
  } catch (...) {
    transport_error_ = "cannot set up the HTTP transport";
  }
}

HttpClient::~HttpClient() = default;

const HttpResponse &HttpClient::post(std::string_view body, std::chrono::milliseconds timeout,
                                     std::chrono::milliseconds connect_timeout) {
  response_.status = 0;
  response_.transport_error.clear();
  response_.transport_retryable = false;
  response_.unreachable = false;
  response_.retry_after.clear();
  response_.body.clear();
  if (!transport_) response_.transport_error = transport_error_;
  else transport_->post(body, timeout, connect_timeout, response_);
  return response_;
}

}  // namespace orch::rt
