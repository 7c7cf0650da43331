#include "http_plain.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <memory>

namespace orch::rt {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// A response head longer than this is not an HTTP answer we want.
constexpr size_t kMaxHeadBytes = 64 * 1024;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

// Waits until `fd` is ready for `events`; false at the deadline.
bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int n = poll(&p, 1, remaining_ms(deadline));
    if (n > 0) return true;
    if (n == 0 || errno != EINTR) return false;
  }
}

std::string elapsed_text(Clock::time_point start) {
  return std::to_string(std::chrono::duration_cast<milliseconds>(Clock::now() - start).count()) + " milliseconds";
}

// Name resolution bounded by the connect deadline: numeric hosts at once,
// `localhost` names as the loopback addresses (RFC 6761, 6.3: the default
// endpoint's host, so that no lookup thread is started and no resolver
// configuration read for it), other names through glibc's asynchronous
// getaddrinfo_a (a lookup that outlives the deadline is abandoned; its request
// stays allocated until it ends).
struct Resolved {
  addrinfo *list = nullptr;
  std::string error;  // when list is null
};

bool is_localhost_name(const std::string &host) {
  std::string lower(host);
  for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return lower == "localhost" || (lower.size() > 10 && lower.compare(lower.size() - 10, 10, ".localhost") == 0);
}

Resolved resolve(const std::string &host, const std::string &port, Clock::time_point deadline) {
  Resolved out;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &out.list) == 0) return out;
  out.list = nullptr;
  if (is_localhost_name(host)) {
    addrinfo *v6 = nullptr;
    if (getaddrinfo("127.0.0.1", port.c_str(), &hints, &out.list) != 0) out.list = nullptr;
    if (getaddrinfo("::1", port.c_str(), &hints, &v6) != 0) v6 = nullptr;
    addrinfo **tail = &out.list;
    while (*tail) tail = &(*tail)->ai_next;
    *tail = v6;  // glibc allocates each entry apart: one freeaddrinfo frees both lists
    if (out.list) return out;
    out.error = "Could not resolve host: " + host;
    return out;
  }

  struct Lookup {
    std::string host, port;
    addrinfo hints{};
    gaicb cb{};
  };
  auto lookup = std::make_unique<Lookup>();
  lookup->host = host;
  lookup->port = port;
  lookup->hints.ai_family = AF_UNSPEC;
  lookup->hints.ai_socktype = SOCK_STREAM;
  lookup->hints.ai_flags = AI_ADDRCONFIG | AI_NUMERICSERV;
  lookup->cb.ar_name = lookup->host.c_str();
  lookup->cb.ar_service = lookup->port.c_str();
  lookup->cb.ar_request = &lookup->hints;
  gaicb *list[1] = {&lookup->cb};
  if (getaddrinfo_a(GAI_NOWAIT, list, 1, nullptr) != 0) {
    out.error = "Could not resolve host: " + host;
    return out;
  }
  int rc;
  while ((rc = gai_error(&lookup->cb)) == EAI_INPROGRESS) {
    const int ms = remaining_ms(deadline);
    if (ms == 0) break;
    const timespec wait{ms / 1000, (ms % 1000) * 1000000L};
    const gaicb *const pending[1] = {&lookup->cb};
    gai_suspend(pending, 1, &wait);
  }
  if (rc == EAI_INPROGRESS) {
    if (gai_cancel(&lookup->cb) != EAI_CANCELED) (void)lookup.release();  // still in use by glibc's thread
    out.error = "Resolving timed out: " + host;
    return out;
  }
  if (rc != 0) {
    out.error = "Could not resolve host: " + host;
    return out;
  }
  out.list = lookup->cb.ar_result;
  return out;
}

// Appends the answer's headers (Retry-After, Content-Length, framing) and
// returns false for anything that is not an HTTP/1.x response head.
struct Head {
  long status = 0;
  bool http11 = false;
  bool close = false;
  bool chunked = false;
  long long content_length = -1;
};

bool parse_head(std::string_view text, Head &head, std::string &retry_after) {
  const size_t line_end = text.find("\r\n");
  std::string_view status_line = text.substr(0, line_end);
  if (!status_line.starts_with("HTTP/1.") || status_line.size() < 12 || status_line[8] != ' ') return false;
  head.http11 = status_line[7] == '1';
  auto [end, ec] = std::from_chars(status_line.data() + 9, status_line.data() + 12, head.status);
  if (ec != std::errc() || end != status_line.data() + 12 || head.status < 100) return false;
  if (!head.http11) head.close = true;
  for (size_t pos = line_end + 2; pos < text.size();) {
    const size_t next = std::min(text.find("\r\n", pos), text.size());
    const std::string_view line = text.substr(pos, next - pos);
    pos = next + 2;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, colon), value = trim(line.substr(colon + 1));
    if (iequals(name, "retry-after")) {
      retry_after.assign(value);
    } else if (iequals(name, "content-length")) {
      long long n = -1;
      auto [e, err] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (err != std::errc() || e != value.data() + value.size() || n < 0) return false;
      head.content_length = n;
    } else if (iequals(name, "transfer-encoding")) {
      head.chunked = value.size() >= 7 && iequals(value.substr(value.size() - 7), "chunked");
    } else if (iequals(name, "connection")) {
      if (iequals(value, "close")) head.close = true;
      else if (iequals(value, "keep-alive")) head.close = false;
    }
  }
  return true;
}

}  // namespace

bool parse_plain_http_url(std::string_view url, PlainHttpTarget &target) {
  constexpr std::string_view kScheme = "http://";
  if (url.size() < kScheme.size() || !iequals(url.substr(0, kScheme.size()), kScheme)) return false;
  url.remove_prefix(kScheme.size());
  url = url.substr(0, url.find('#'));
  const size_t path_start = std::min(url.find_first_of("/?"), url.size());
  const std::string_view authority = url.substr(0, path_start);
  if (authority.empty() || authority.find('@') != std::string_view::npos) return false;
  target.host_header.assign(authority);
  target.path = path_start < url.size() ? std::string(url.substr(path_start)) : "/";
  if (target.path.front() == '?') target.path.insert(0, "/");
  std::string_view host = authority, port;
  if (host.front() == '[') {
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    port = host.substr(close + 1);
    host = host.substr(1, close - 1);
    if (!port.empty() && port.front() != ':') return false;
  } else if (const size_t colon = host.find(':'); colon != std::string_view::npos) {
    port = host.substr(colon);
    host = host.substr(0, colon);
  }
  if (host.empty()) return false;
  if (!port.empty()) port.remove_prefix(1);
  target.host.assign(host);
  target.port = port.empty() ? "80" : std::string(port);
  return true;
}

PlainHttpTransport::PlainHttpTransport(const HttpClient::Options &options, PlainHttpTarget target)
    : options_(options), target_(std::move(target)) {
  head_ = "POST " + target_.path + " HTTP/1.1\r\nHost: " + target_.host_header + "\r\n";
  if (!options_.user_agent.empty()) head_ += "User-Agent: " + options_.user_agent + "\r\n";
  head_ += "Accept: */*\r\n";
  for (const std::string &line : options_.header_lines) head_ += line + "\r\n";
  head_ += "Content-Length: ";
}

PlainHttpTransport::~PlainHttpTransport() { drop_connection(); }

void PlainHttpTransport::drop_connection() {
  // In a forked child the descriptor is a copy: closing it leaves the
  // parent's connection alone (no shutdown(), which would end it for both).
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

bool PlainHttpTransport::connection_closed_by_peer() const {
  // A kept-alive connection is readable between requests only when the
  // collector closed it (or sent something unasked, as good as closed).
  pollfd p{fd_, POLLIN, 0};
  return poll(&p, 1, 0) != 0;
}

bool PlainHttpTransport::connect_to(Deadline connect_deadline, Deadline deadline, HttpResponse &response) {
  const Clock::time_point start = Clock::now();
  Resolved resolved = resolve(target_.host, target_.port, connect_deadline);
  if (!resolved.list) {
    response.transport_error = resolved.error;
    response.transport_retryable = true;
    response.unreachable = true;
    return false;
  }
  std::unique_ptr<addrinfo, void (*)(addrinfo *)> list(resolved.list, freeaddrinfo);
  size_t left = 0;
  for (addrinfo *a = list.get(); a; a = a->ai_next) ++left;
  std::string error = "Failed to connect to " + target_.host + " port " + target_.port;
  bool timed_out = false;
  for (addrinfo *a = list.get(); a; a = a->ai_next, --left) {
    // Each address but the last gets half of the connect time left.
    const auto now = Clock::now();
    const Deadline until = left > 1 && connect_deadline > now ? now + (connect_deadline - now) / 2 : connect_deadline;
    const int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) {
      error += std::string(": ") + std::strerror(errno);
      continue;
    }
    int rc = connect(fd, a->ai_addr, a->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      if (wait_for(fd, POLLOUT, std::min(until, deadline))) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        rc = err == 0 ? 0 : -1;
        errno = err;
      } else {
        timed_out = true;
        errno = ETIMEDOUT;
      }
    }
    if (rc == 0) {
      const int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
      fd_ = fd;
      owner_pid_ = getpid();
      return true;
    }
    if (errno != ETIMEDOUT) error = "Failed to connect to " + target_.host + " port " + target_.port + ": " + std::strerror(errno);
    close(fd);
    if (Clock::now() >= connect_deadline) break;
  }
  response.transport_error = timed_out ? "Connection timed out after " + elapsed_text(start) : error;
  response.transport_retryable = true;
  response.unreachable = true;
  return false;
}

PlainHttpTransport::Exchange PlainHttpTransport::exchange(const std::string &head, std::string_view body,
                                                          Deadline deadline, bool reused, HttpResponse &response) {
  const Clock::time_point start = Clock::now();
  auto fail = [&](std::string why) {
    drop_connection();
    response.transport_error = std::move(why);
    response.transport_retryable = true;
    return Exchange::Failed;
  };
  auto timed_out = [&](size_t received) {
    return fail("Operation timed out after " + elapsed_text(start) + " with " + std::to_string(received) +
                " bytes received");
  };

  // Send the head and the body.
  std::string_view parts[2] = {head, body};
  for (std::string_view part : parts) {
    while (!part.empty()) {
      const ssize_t n = send(fd_, part.data(), part.size(), MSG_NOSIGNAL);
      if (n > 0) {
        part.remove_prefix(static_cast<size_t>(n));
      } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        if (!wait_for(fd_, POLLOUT, deadline)) return timed_out(0);
      } else {
        if (reused) return drop_connection(), Exchange::StaleConnection;
        return fail(std::string("Send failure: ") + std::strerror(errno));
      }
    }
  }

  // Receive: one head (after any 1xx), then the body as framed.
  std::string in;
  size_t total = 0;
  char buffer[16384];
  // 1: bytes appended; 0: the peer closed; -1: error (errno) or timeout (errno = ETIMEDOUT).
  auto read_more = [&]() -> int {
    for (;;) {
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n > 0) {
        in.append(buffer, static_cast<size_t>(n));
        total += static_cast<size_t>(n);
        return 1;
      }
      if (n == 0) return 0;
      if (errno == EINTR) continue;
      if (errno != EAGAIN) return -1;
      if (!wait_for(fd_, POLLIN, deadline)) {
        errno = ETIMEDOUT;
        return -1;
      }
    }
  };
  auto read_failure = [&](int r) {
    if (r < 0 && errno == ETIMEDOUT) return timed_out(total);
    if (total == 0 && reused) return drop_connection(), Exchange::StaleConnection;
    if (r == 0) return fail(total == 0 ? "Empty reply from server" : "Connection closed before the whole answer");
    return fail(std::string("Recv failure: ") + std::strerror(errno));
  };

  Head h;
  for (;;) {
    size_t head_end;
    while ((head_end = in.find("\r\n\r\n")) == std::string::npos) {
      if (in.size() > kMaxHeadBytes) return fail("Response head too long");
      if (!in.empty() && !in.starts_with(std::string_view("HTTP/1.").substr(0, std::min<size_t>(in.size(), 7))))
        return fail("Received HTTP/0.9 when not allowed");
      if (const int r = read_more(); r <= 0) return read_failure(r);
    }
    h = Head{};
    response.retry_after.clear();
    if (!parse_head(std::string_view(in).substr(0, head_end + 2), h, response.retry_after))
      return fail("Received HTTP/0.9 when not allowed");
    in.erase(0, head_end + 4);
    if (h.status >= 200 || h.status == 101) break;  // 1xx: an interim answer, another head follows
  }

  std::string &out = response.body;
  auto keep = [&](std::string_view data) {
    out.append(data.substr(0, kMaxBodyBytes - std::min(kMaxBodyBytes, out.size())));
  };
  if (h.status == 204 || h.status == 304 || (h.status >= 100 && h.status < 200)) {
    // no body
  } else if (h.chunked) {
    for (;;) {
      size_t line_end;
      while ((line_end = in.find("\r\n")) == std::string::npos) {
        if (in.size() > 1024) return fail("Bad chunk size");
        if (const int r = read_more(); r <= 0) return read_failure(r);
      }
      unsigned long long size = 0;
      auto [end, ec] = std::from_chars(in.data(), in.data() + line_end, size, 16);
      if (ec != std::errc() || (end != in.data() + line_end && *end != ';' && *end != ' '))
        return fail("Bad chunk size");
      in.erase(0, line_end + 2);
      if (size == 0) {  // trailers, up to an empty line
        for (;;) {
          while ((line_end = in.find("\r\n")) == std::string::npos) {
            if (in.size() > kMaxHeadBytes) return fail("Trailers too long");
            if (const int r = read_more(); r <= 0) return read_failure(r);
          }
          in.erase(0, line_end + 2);
          if (line_end == 0) break;
        }
        break;
      }
      while (size > 0) {
        if (in.empty())
          if (const int r = read_more(); r <= 0) return read_failure(r);
        const size_t take = static_cast<size_t>(std::min<unsigned long long>(size, in.size()));
        keep(std::string_view(in).substr(0, take));
        in.erase(0, take);
        size -= take;
      }
      while (in.size() < 2)
        if (const int r = read_more(); r <= 0) return read_failure(r);
      if (!in.starts_with("\r\n")) return fail("Bad chunk");
      in.erase(0, 2);
    }
  } else if (h.content_length >= 0) {
    auto left = static_cast<unsigned long long>(h.content_length);
    for (;;) {
      const size_t take = static_cast<size_t>(std::min<unsigned long long>(left, in.size()));
      keep(std::string_view(in).substr(0, take));
      in.erase(0, take);
      left -= take;
      if (left == 0) break;
      if (const int r = read_more(); r <= 0) return read_failure(r);
    }
  } else {  // until the collector closes the connection
    h.close = true;
    for (;;) {
      keep(in);
      in.clear();
      const int r = read_more();
      if (r == 0) break;
      if (r < 0) return read_failure(r);
    }
  }
  response.status = h.status;
  // Bytes after the answer were never asked for: the connection is not reusable.
  if (h.close || !in.empty()) drop_connection();
  return Exchange::Done;
}

void PlainHttpTransport::post(std::string_view body, milliseconds timeout, milliseconds connect_timeout,
                              HttpResponse &response) {
  const Clock::time_point start = Clock::now();
  const milliseconds total = std::max(milliseconds(1), timeout);
  const Deadline deadline = start + total;
  const Deadline connect_deadline = start + std::clamp(connect_timeout, milliseconds(1), total);

  // A child of fork() never talks over the parent's connection.
  if (fd_ >= 0 && owner_pid_ != getpid()) drop_connection();
  if (fd_ >= 0 && connection_closed_by_peer()) drop_connection();

  const std::string head = head_ + std::to_string(body.size()) + "\r\n\r\n";
  // A request on a kept-alive connection that fails before any byte of an
  // answer arrived was never seen by the collector: it is sent once more on a
  // fresh connection.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool reused = fd_ >= 0;
    if (!reused && !connect_to(connect_deadline, deadline, response)) return;
    if (exchange(head, body, deadline, reused, response) != Exchange::StaleConnection) return;
  }
}

}  // namespace orch::rt
