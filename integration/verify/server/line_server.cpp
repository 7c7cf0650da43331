// Listens on 127.0.0.1 (an ephemeral port), answers each connection's line
// upper-cased, until SIGTERM. What `orch verify --workload` is tested with.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <csignal>
#include <cstdio>

namespace server {

__attribute__((noinline)) void handle_connection(int fd) {
  char line[256];
  ssize_t n = read(fd, line, sizeof line);
  for (ssize_t i = 0; i < n; i++)
    line[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[i])));
  if (n > 0 && write(fd, line, static_cast<size_t>(n)) != n)
    std::perror("write");
  close(fd);
}

} // namespace server

namespace {
volatile std::sig_atomic_t stopping = 0;
void stop(int) { stopping = 1; }
} // namespace

int main() {
  struct sigaction action {};
  action.sa_handler = stop; // no SA_RESTART: accept() returns EINTR
  sigaction(SIGTERM, &action, nullptr);
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || listen(listener, 64) != 0) {
    std::perror("listen");
    return 1;
  }
  while (!stopping) {
    int connection = accept(listener, nullptr, nullptr);
    if (connection >= 0)
      server::handle_connection(connection);
  }
  close(listener);
  return 0;
}
