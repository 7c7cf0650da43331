// --workload: a load command run against a program that serves.
//
// The rule: the program is "up" once it has a TCP socket in LISTEN state
// (polled every 10 ms in /proc/PID/net/tcp{,6} and /proc/PID/fd, for at most
// 30 s). Then COMMAND runs through /bin/sh -c with ORCH_VERIFY_PORT set to the
// port; its output is searched for a line `throughput: <number> <unit>`.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "loader/suspended_child.h"

namespace orch::verify {

struct Throughput {
  double value = 0;
  std::string unit;
};

// The first listening TCP port of the running `program`. Throws
// std::runtime_error when the program ends first or the time runs out.
int wait_until_listening(const bpf::SuspendedChild &program, std::chrono::milliseconds timeout);

struct WorkloadEnd {
  bpf::ChildEnd end;
  std::optional<Throughput> throughput;
};

// Runs `command` to its end; its stdout goes to `output_path`.
WorkloadEnd run_workload(const std::string &command, int port, const std::string &output_path);

// The last `throughput: <number> <unit>` line of `text`.
std::optional<Throughput> parse_throughput(const std::string &text);

} // namespace orch::verify
