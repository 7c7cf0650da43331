#include "verify/temporary_directory.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace orch::verify {

namespace fs = std::filesystem;

namespace {

std::mutex live_mutex;
std::set<fs::path> live; // directories to remove on a signal

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int signal : {SIGINT, SIGTERM, SIGHUP})
    sigaddset(&set, signal);
  return set;
}

} // namespace

void remove_on_termination_signals() {
  sigset_t set = termination_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int signal = 0;
    while (sigwait(&set, &signal) != 0) {
    }
    {
      std::lock_guard<std::mutex> lock(live_mutex);
      for (const fs::path &path : live) {
        std::error_code ignored;
        fs::remove_all(path, ignored);
      }
    }
    _exit(128 + signal);
  }).detach();
}

TemporaryDirectory::TemporaryDirectory() {
  std::lock_guard<std::mutex> lock(live_mutex); // a signal now waits until the directory is listed
  std::string pattern = (fs::temp_directory_path() / "orch-verify.XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    throw std::runtime_error("cannot create a temporary directory in " + fs::temp_directory_path().string());
  path_ = pattern;
  live.insert(path_);
}

TemporaryDirectory::~TemporaryDirectory() {
  std::lock_guard<std::mutex> lock(live_mutex);
  std::error_code ignored;
  fs::remove_all(path_, ignored);
  live.erase(path_);
}

} // namespace orch::verify
