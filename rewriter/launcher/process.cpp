#include "launcher/process.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace orch {
namespace {
std::vector<char *> c_argv(const std::vector<std::string> &argv) {
  std::vector<char *> out;
  for (const auto &a : argv) out.push_back(const_cast<char *>(a.c_str()));
  out.push_back(nullptr);
  return out;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
}  // namespace

void exec_command(const std::vector<std::string> &argv) {
  std::vector<char *> args = c_argv(argv);
  execvp(args[0], args.data());
  std::fprintf(stderr, "orch: error: cannot run '%s': %s\n", args[0], std::strerror(errno));
  std::fflush(stderr);
  _exit(127);
}

int run_inherited(const std::vector<std::string> &argv) {
  std::vector<char *> args = c_argv(argv);
  pid_t pid = 0;
  if (int rc = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ)) {
    std::fprintf(stderr, "orch: error: cannot run '%s': %s\n", args[0], std::strerror(rc));
    return 127;
  }
  return wait_for(pid);
}

int run_command(const std::vector<std::string> &argv, std::string &err) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return 127;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  std::vector<char *> args = c_argv(argv);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    err = "orch: error: cannot run '" + argv[0] + "': " + std::strerror(rc) + "\n";
    return 127;
  }
  char buf[65536];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    err.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  return wait_for(pid);
}

}  // namespace orch
