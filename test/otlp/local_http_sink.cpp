#include "local_http_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace orch::test {
namespace {

bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

size_t content_length(std::string_view head) {
  for (size_t pos = 0; (pos = head.find("\r\n", pos)) != std::string_view::npos;) {
    pos += 2;
    constexpr std::string_view kName = "content-length:";
    if (head.size() - pos < kName.size()) break;
    bool match = true;
    for (size_t i = 0; i < kName.size() && match; ++i)
      match = (head[pos + i] | 0x20) == kName[i];
    if (match) return std::strtoul(head.data() + pos + kName.size(), nullptr, 10);
  }
  return 0;
}

}  // namespace

LocalHttpSink::LocalHttpSink(bool keep_requests) : keep_requests_(keep_requests) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr *>(&addr), len) != 0 ||
      listen(listen_fd_, 16) != 0 ||
      getsockname(listen_fd_, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
    throw std::runtime_error("LocalHttpSink: cannot listen on 127.0.0.1");
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

LocalHttpSink::~LocalHttpSink() {
  stopping_ = true;
  shutdown(listen_fd_, SHUT_RDWR);
  acceptor_.join();
  close(listen_fd_);
  {
    std::lock_guard lock(mu_);
    for (int fd : client_fds_) shutdown(fd, SHUT_RDWR);
  }
  for (std::thread &t : threads_) t.join();
  for (int fd : client_fds_) close(fd);
}

void LocalHttpSink::script(std::vector<Reply> replies) {
  std::lock_guard lock(mu_);
  script_.assign(replies.begin(), replies.end());
}

std::vector<LocalHttpSink::Request> LocalHttpSink::requests() {
  std::lock_guard lock(mu_);
  return requests_;
}

LocalHttpSink::Reply LocalHttpSink::next_reply() {
  std::lock_guard lock(mu_);
  if (script_.empty()) return {};
  Reply r = script_.front();
  script_.pop_front();
  return r;
}

void LocalHttpSink::accept_loop() {
  while (!stopping_) {
    const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    if (stopping_) {
      close(fd);
      break;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    connection_count_++;
    std::lock_guard lock(mu_);
    client_fds_.push_back(fd);
    threads_.emplace_back([this, fd] { serve(fd); });
  }
}

void LocalHttpSink::serve(int fd) {
  std::string in;
  char chunk[65536];
  auto read_more = [&] {
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    in.append(chunk, static_cast<size_t>(n));
    return true;
  };
  for (;;) {
    size_t head_end;
    while ((head_end = in.find("\r\n\r\n")) == std::string::npos)
      if (!read_more()) return;
    const Reply reply = next_reply();
    if (reply.action == Action::CloseMidRequest) break;
    const size_t body_start = head_end + 4;
    const size_t body_size = content_length(std::string_view(in).substr(0, head_end + 2));
    while (in.size() < body_start + body_size)
      if (!read_more()) return;
    request_count_++;
    if (keep_requests_) {
      std::lock_guard lock(mu_);
      requests_.push_back({in.substr(0, head_end), in.substr(body_start, body_size)});
    }
    in.erase(0, body_start + body_size);
    if (reply.action == Action::NeverAnswer) {
      while (read_more()) {}  // until the client gives up or the sink stops
      return;
    }
    if (reply.action == Action::Garbage) {
      send_all(fd, "\x01\x02 this is not HTTP \xff\r\n\r\n");
      break;
    }
    std::string response = "HTTP/1.1 " + std::to_string(reply.status) + " Scripted\r\n" + reply.headers;
    switch (reply.framing) {
    case Framing::ContentLength:
      response += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n\r\n" + reply.body;
      break;
    case Framing::Chunked:  // in chunks of up to 5 bytes, with an extension and a trailer
      response += "Transfer-Encoding: chunked\r\n\r\n";
      for (size_t i = 0; i < reply.body.size(); i += 5) {
        const std::string piece = reply.body.substr(i, 5);
        char size[16];
        std::snprintf(size, sizeof size, "%zx", piece.size());
        response += std::string(size) + (i == 0 ? ";ext=1" : "") + "\r\n" + piece + "\r\n";
      }
      response += "0\r\nX-Trailer: t\r\n\r\n";
      break;
    case Framing::UntilClose: response += "\r\n" + reply.body; break;
    }
    if (!send_all(fd, response)) return;
    if (reply.close_after || reply.framing == Framing::UntilClose) break;
  }
  shutdown(fd, SHUT_RDWR);
}

}  // namespace orch::test
