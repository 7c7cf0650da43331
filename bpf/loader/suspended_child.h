// A program started but held before exec, so that the probes can be told its
// process id before it runs a single instruction of its own.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace orch::bpf {

class SuspendedChild {
public:
  // Forks; the child waits until release(), then execs argv[0] (PATH searched).
  explicit SuspendedChild(const std::vector<std::string> &argv);
  ~SuspendedChild(); // kills and reaps a child never waited for
  SuspendedChild(const SuspendedChild &) = delete;
  SuspendedChild &operator=(const SuspendedChild &) = delete;

  pid_t pid() const { return pid_; }
  void release();
  // Waits for the exit; returns the exit status, or 128 + signal number.
  int wait();

private:
  pid_t pid_ = -1;
  int go_fd_ = -1;
  bool reaped_ = false;
};

} // namespace orch::bpf
