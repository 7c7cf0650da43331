// The verifier's scratch directory (runs' stderr, workload output, metrics
// files): removed when the object goes, and on SIGINT, SIGTERM or SIGHUP
// (remove_on_termination_signals must run first, before any thread starts).
#pragma once

#include <filesystem>
#include <string>

namespace orch::verify {

// Blocks SIGINT, SIGTERM and SIGHUP in this process and starts a thread that
// waits for them: it removes every live TemporaryDirectory and ends the
// process with status 128 + the signal. Children the verifier starts get an
// empty signal mask back (SuspendedChild) and SIGKILL when it ends.
void remove_on_termination_signals();

class TemporaryDirectory {
public:
  TemporaryDirectory(); // in $TMPDIR or /tmp; throws std::runtime_error
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory &) = delete;
  TemporaryDirectory &operator=(const TemporaryDirectory &) = delete;
  std::string file(const std::string &name) const { return (path_ / name).string(); }
  const std::filesystem::path &path() const { return path_; }

private:
  std::filesystem::path path_;
};

} // namespace orch::verify
