#include "verify/workload.h"

#include <filesystem>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace orch::verify {

namespace {

// Inodes of the TCP sockets listening in the process's network namespace.
std::map<unsigned long, int> listening_sockets(pid_t pid) {
  std::map<unsigned long, int> port_of_inode;
  for (const char *table : {"tcp", "tcp6"}) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/net/" + table);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout;
      unsigned long inode = 0;
      fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
      if (state == "0A" && inode) // TCP_LISTEN
        port_of_inode[inode] = std::stoi(local.substr(local.find(':') + 1), nullptr, 16);
    }
  }
  return port_of_inode;
}

std::optional<int> listening_port(pid_t pid) {
  std::map<unsigned long, int> sockets = listening_sockets(pid);
  std::error_code error;
  for (const auto &fd : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", error)) {
    std::string target = std::filesystem::read_symlink(fd.path(), error).string();
    unsigned long inode = 0;
    if (!error && std::sscanf(target.c_str(), "socket:[%lu]", &inode) == 1)
      if (auto at = sockets.find(inode); at != sockets.end())
        return at->second;
  }
  return std::nullopt;
}

} // namespace

int wait_until_listening(const bpf::SuspendedChild &program, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (program.has_ended())
      throw std::runtime_error("the program ended before it listened on a TCP port");
    if (std::optional<int> port = listening_port(program.pid()))
      return *port;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("the program did not listen on a TCP port within " +
                           std::to_string(timeout.count() / 1000) + " s");
}

WorkloadEnd run_workload(const std::string &command, int port, const std::string &output_path) {
  bpf::ChildSetup setup;
  setup.stdout_path = output_path;
  setup.env = {"ORCH_VERIFY_PORT=" + std::to_string(port)};
  bpf::SuspendedChild workload({"/bin/sh", "-c", command}, setup);
  workload.release();
  WorkloadEnd result;
  result.end = workload.finish();
  std::ifstream in(output_path);
  result.throughput = parse_throughput(std::string(std::istreambuf_iterator<char>(in), {}));
  return result;
}

std::optional<Throughput> parse_throughput(const std::string &text) {
  static const std::regex line(R"((^|\n)throughput:[ \t]*([0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)[ \t]+([^ \t\n]+))");
  std::optional<Throughput> last;
  for (auto match = std::sregex_iterator(text.begin(), text.end(), line); match != std::sregex_iterator(); ++match)
    last = Throughput{std::stod((*match)[2]), (*match)[5]};
  return last;
}

} // namespace orch::verify
