// For benchmarks that measure a program from the outside: run it as a new
// process and summarise repeated figures.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace orch::bench {

struct ChildRun {
  bool ok = false;           // exited with status 0
  std::string output;        // what it wrote on the captured descriptor
  std::chrono::steady_clock::time_point started, ended;  // fork, and waitpid's return
};

// Runs `program arg` with the variables `env` set (on top of this process's)
// and its descriptor `fd` (1 or 2) captured.
inline ChildRun run_child(const std::string &program, const char *arg, int fd,
                          const std::vector<std::pair<std::string, std::string>> &env) {
  ChildRun run;
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return run;
  run.started = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], fd);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    for (const auto &[name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    execl(program.c_str(), program.c_str(), arg, static_cast<char *>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  char buf[512];
  for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) run.output.append(buf, n);
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  run.ended = std::chrono::steady_clock::now();
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return run;
}

// "median (min-max)" of `v` divided by `unit`, e.g. "2.1 ms (1.9-2.6)".
inline std::string median_min_max(std::vector<int64_t> v, double unit, const char *suffix) {
  if (v.empty()) return "-";
  std::sort(v.begin(), v.end());
  char text[96];
  std::snprintf(text, sizeof text, "%.3g%s (%.3g-%.3g)", v[v.size() / 2] / unit, suffix, v.front() / unit,
                v.back() / unit);
  return text;
}

}  // namespace orch::bench
