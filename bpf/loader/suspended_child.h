// A program started but held before exec, so that the probes can be told its
// process id before it runs a single instruction of its own.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace orch::bpf {

// Where the child's output goes and what it finds in its environment.
struct ChildSetup {
  std::string stdout_path;      // empty: inherited
  std::string stderr_path;      // empty: inherited
  std::vector<std::string> env; // "NAME=value", added to (or replacing in) ours
};

// How the child ended and what it used (wait4's rusage: the child and the
// descendants it waited for).
struct ChildEnd {
  int exit_code = 0; // when it exited
  int signal = 0;    // when a signal killed it
  double cpu_seconds = 0;  // user + system
  long max_rss_kb = 0;
  // The exit code, or 128 + signal number, like a shell's $?.
  int status() const { return signal ? 128 + signal : exit_code; }
  std::string describe() const; // "exit status 3", "killed by signal 11 (Segmentation fault)"
};

class SuspendedChild {
public:
  // Forks; the child waits until release(), then execs argv[0] (PATH searched).
  explicit SuspendedChild(const std::vector<std::string> &argv, const ChildSetup &setup = {});
  ~SuspendedChild(); // kills and reaps a child never waited for
  SuspendedChild(const SuspendedChild &) = delete;
  SuspendedChild &operator=(const SuspendedChild &) = delete;

  pid_t pid() const { return pid_; }
  void release();
  // Waits for the exit; returns the exit status, or 128 + signal number.
  int wait() { return finish().status(); }
  // Waits for the exit, with what the child used.
  ChildEnd finish();
  // True once the child has ended (does not reap it).
  bool has_ended() const;
  void send(int signal) const;

private:
  pid_t pid_ = -1;
  int go_fd_ = -1;
  bool reaped_ = false;
};

} // namespace orch::bpf
