#include "loader/suspended_child.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <cstring>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace orch::bpf {

SuspendedChild::SuspendedChild(const std::vector<std::string> &argv) {
  if (argv.empty())
    throw std::invalid_argument("no program to run");
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  std::vector<char *> args;
  for (const std::string &arg : argv)
    args.push_back(const_cast<char *>(arg.c_str()));
  args.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    close(fds[1]);
    char go;
    if (read(fds[0], &go, 1) != 1)
      _exit(126); // the parent gave up before releasing us
    execvp(args[0], args.data());
    _exit(127);
  }
  close(fds[0]);
  go_fd_ = fds[1];
}

SuspendedChild::~SuspendedChild() {
  if (go_fd_ >= 0)
    close(go_fd_);
  if (!reaped_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

void SuspendedChild::release() {
  char go = 1;
  if (write(go_fd_, &go, 1) != 1)
    throw std::runtime_error(std::string("cannot release the child: ") + std::strerror(errno));
  close(go_fd_);
  go_fd_ = -1;
}

int SuspendedChild::wait() {
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0)
    if (errno != EINTR)
      throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  reaped_ = true;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace orch::bpf
