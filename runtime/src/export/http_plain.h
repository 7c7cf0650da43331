// HTTP/1.1 POST over a plain TCP socket, for `http://` endpoints: no library
// beyond libc, so that loading the runtime does not load libcurl and the
// thirty-odd libraries it needs. One connection, kept alive between requests.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <sys/types.h>

#include "http_client.h"

namespace orch::rt {

// Where an `http://` URL points; parse_plain_http_url fails for any other
// scheme and for URLs with user information (which libcurl turns into
// credentials).
struct PlainHttpTarget {
  std::string host;         // without the brackets of an IPv6 literal
  std::string port = "80";
  std::string host_header;  // the authority as the URL gives it
  std::string path = "/";   // path and query
};
bool parse_plain_http_url(std::string_view url, PlainHttpTarget &target);

class PlainHttpTransport final : public HttpTransport {
public:
  PlainHttpTransport(const HttpClient::Options &options, PlainHttpTarget target);
  ~PlainHttpTransport() override;

  void post(std::string_view body, std::chrono::milliseconds timeout, std::chrono::milliseconds connect_timeout,
            HttpResponse &response) override;

private:
  using Deadline = std::chrono::steady_clock::time_point;
  enum class Exchange { Done, Failed, StaleConnection };

  void drop_connection();
  bool connect_to(Deadline connect_deadline, Deadline deadline, HttpResponse &response);
  Exchange exchange(const std::string &head, std::string_view body, Deadline deadline, bool reused,
                    HttpResponse &response);
  bool connection_closed_by_peer() const;

  const HttpClient::Options &options_;
  PlainHttpTarget target_;
  std::string head_;          // request line and headers up to Content-Length's value
  int fd_ = -1;
  pid_t owner_pid_ = 0;       // the process that opened fd_
};

}  // namespace orch::rt
