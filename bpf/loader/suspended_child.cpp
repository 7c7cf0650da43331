#include "loader/suspended_child.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace orch::bpf {

namespace {

// Our environment with `overrides` ("NAME=value") added or replacing.
std::vector<std::string> merged_environment(const std::vector<std::string> &overrides) {
  std::vector<std::string> result;
  auto overridden = [&](const char *entry) {
    for (const std::string &o : overrides) {
      size_t name_len = o.find('=');
      if (!std::strncmp(entry, o.c_str(), name_len + 1))
        return true;
    }
    return false;
  };
  for (char **entry = environ; *entry; entry++)
    if (!overridden(*entry))
      result.push_back(*entry);
  result.insert(result.end(), overrides.begin(), overrides.end());
  return result;
}

std::vector<char *> c_strings(const std::vector<std::string> &strings) {
  std::vector<char *> result;
  for (const std::string &s : strings)
    result.push_back(const_cast<char *>(s.c_str()));
  result.push_back(nullptr);
  return result;
}

// In the child: points `fd` at `path` (created or truncated). Only
// async-signal-safe calls: the parent may have threads.
void redirect(int fd, const std::string &path) {
  if (path.empty())
    return;
  int file = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (file < 0 || dup2(file, fd) < 0)
    _exit(126);
  close(file);
}

} // namespace

std::string ChildEnd::describe() const {
  if (signal)
    return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  return "exit status " + std::to_string(exit_code);
}

SuspendedChild::SuspendedChild(const std::vector<std::string> &argv, const ChildSetup &setup) {
  if (argv.empty())
    throw std::invalid_argument("no program to run");
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  std::vector<std::string> env = merged_environment(setup.env);
  std::vector<char *> args = c_strings(argv), envp = c_strings(env);
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    close(fds[1]);
    // A parent may block signals to wait for them in a thread: not its child.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    // Not left running if the parent ends without waiting (killed, or by a signal it handles).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    char go;
    if (read(fds[0], &go, 1) != 1)
      _exit(126); // the parent gave up before releasing us
    redirect(STDOUT_FILENO, setup.stdout_path);
    redirect(STDERR_FILENO, setup.stderr_path);
    execvpe(args[0], args.data(), envp.data());
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

ChildEnd SuspendedChild::finish() {
  int status = 0;
  rusage usage{};
  while (wait4(pid_, &status, 0, &usage) < 0)
    if (errno != EINTR)
      throw std::runtime_error(std::string("wait4: ") + std::strerror(errno));
  reaped_ = true;
  ChildEnd end;
  if (WIFEXITED(status))
    end.exit_code = WEXITSTATUS(status);
  else
    end.signal = WTERMSIG(status);
  auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  end.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  end.max_rss_kb = usage.ru_maxrss;
  return end;
}

bool SuspendedChild::has_ended() const {
  siginfo_t info{};
  // WNOWAIT: look without reaping, so that finish() still gets the rusage.
  return waitid(P_PID, pid_, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid_;
}

void SuspendedChild::send(int signal) const { kill(pid_, signal); }

} // namespace orch::bpf
