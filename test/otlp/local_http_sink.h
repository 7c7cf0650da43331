// A minimal HTTP/1.1 server on 127.0.0.1 for exporter tests and benchmarks:
// reads POST requests (Content-Length bodies, keep-alive) and answers each
// one as scripted — a status with headers (body framed by Content-Length,
// chunked, or by closing), no answer at all, or a dropped connection.
// Requests beyond the script get "200 OK".
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace orch::test {

class LocalHttpSink {
public:
  enum class Action { Respond, NeverAnswer, CloseMidRequest, Garbage };
  enum class Framing { ContentLength, Chunked, UntilClose };
  struct Reply {
    Action action = Action::Respond;
    int status = 200;
    std::string headers;  // extra header lines, each ending in "\r\n"
    std::string body;
    Framing framing = Framing::ContentLength;
    bool close_after = false;  // close the connection after the answer (without saying so)
  };
  struct Request {
    std::string head;  // request line and headers
    std::string body;
  };

  // keep_requests=false only counts them (for benchmarks).
  explicit LocalHttpSink(bool keep_requests = true);
  ~LocalHttpSink();

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1/traces"; }
  void script(std::vector<Reply> replies);
  std::vector<Request> requests();
  uint64_t request_count() const { return request_count_.load(); }
  uint64_t connection_count() const { return connection_count_.load(); }

private:
  void accept_loop();
  void serve(int fd);
  Reply next_reply();

  int listen_fd_ = -1;
  int port_ = 0;
  bool keep_requests_;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> request_count_{0}, connection_count_{0};
  std::mutex mu_;
  std::deque<Reply> script_;
  std::vector<Request> requests_;
  std::vector<int> client_fds_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

}  // namespace orch::test
