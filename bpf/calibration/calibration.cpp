#include "calibration/calibration.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "loader/probe_plan.h"
#include "loader/probe_session.h"
#include "loader/suspended_child.h"

namespace orch::bpf {

namespace {

namespace fs = std::filesystem;

constexpr char kTargetName[] = "orch_calibration_target";

struct LoopTimes {
  double loop_ns = 0;
  double cpu_ns = 0;
};

// Runs the target in `mode`; `before_release` sees the pid while it is held.
template <typename BeforeRelease>
LoopTimes run_target(const std::string &target, const char *mode, long calls, ChildSetup setup,
                     BeforeRelease before_release) {
  char output[] = "/tmp/orch-calibration.XXXXXX";
  int fd = mkstemp(output);
  if (fd < 0)
    throw std::runtime_error("cannot create a temporary file in /tmp");
  close(fd);
  setup.stdout_path = output;
  SuspendedChild child({target, mode, std::to_string(calls)}, setup);
  before_release(child.pid());
  child.release();
  int status = child.wait();
  LoopTimes times;
  std::ifstream in(output);
  bool read = static_cast<bool>(in >> times.loop_ns >> times.cpu_ns);
  fs::remove(output);
  if (status != 0 || !read)
    throw std::runtime_error(target + " " + mode + " failed (status " + std::to_string(status) + ")");
  return times;
}

// Uprobes belong to the file, not to a process: while one verifier probes the
// calibration target's empty function, every other process running it traps
// too (the BPF program only filters what it counts). Concurrent verifiers
// (parallel ctest, two users) therefore take turns calibrating.
class CalibrationLock {
public:
  CalibrationLock() : fd_(open("/tmp/orch-calibration.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0666)) {
    if (fd_ >= 0) flock(fd_, LOCK_EX);
  }
  ~CalibrationLock() {
    if (fd_ >= 0) close(fd_);
  }
  CalibrationLock(const CalibrationLock &) = delete;
  CalibrationLock &operator=(const CalibrationLock &) = delete;

private:
  int fd_;
};

} // namespace

std::string calibration_target_path() {
  fs::path exe_dir = fs::canonical("/proc/self/exe").parent_path();
  for (const fs::path &candidate : {exe_dir / kTargetName, exe_dir / ".." / "libexec" / "orch" / kTargetName})
    if (fs::exists(candidate))
      return candidate.lexically_normal().string();
  throw std::runtime_error(std::string(kTargetName) + " not found beside " + exe_dir.string() +
                           " or in ../libexec/orch");
}

ProbeCost measure_probe_cost(const std::string &target, long calls) {
  CalibrationLock lock;
  ElfImageSet images(target);
  ExitFinder finder;
  ProbeCost cost;
  cost.calls = calls;
  auto no_probes = [](pid_t) {};
  cost.plain_ns_per_call = run_target(target, "empty", calls, {}, no_probes).loop_ns / calls;
  ProbeSession session(plan_probes(images, {{"empty_function", {"empty_function"}}}, finder));
  auto probe_it = [&](pid_t pid) { session.only_process(pid); };
  cost.probed_ns_per_call = run_target(target, "empty", calls, {}, probe_it).loop_ns / calls;
  cost.counted = session.function_stats()[0].calls;
  return cost;
}

SpanCost measure_span_cost(const std::string &target, long calls) {
  CalibrationLock lock;
  auto nothing = [](pid_t) {};
  LoopTimes empty = run_target(target, "empty", calls, {}, nothing);
  ChildSetup setup;
  // As orch verify's instrumented runs: every call a span (no span budget
  // folding calls beyond it), the metrics written to a file.
  setup.env = {"OTEL_SDK_DISABLED=false",
               "OTEL_TRACES_SAMPLER=always_on",
               "OTEL_TRACES_EXPORTER=file",
               "ORCH_FILE_EXPORTER_PATH=/dev/null",
               "ORCH_SITE_SPAN_LIMIT=0",
               "OTEL_METRICS_EXPORTER=file",
               "ORCH_METRICS_FILE_PATH=/dev/null",
               "OTEL_BSP_MAX_QUEUE_SIZE=" + std::to_string(calls + 1),
               "OTEL_BSP_MAX_EXPORT_BATCH_SIZE=512"};
  LoopTimes spanned = run_target(target, "span", calls, setup, nothing);
  SpanCost cost;
  cost.calls = calls;
  cost.caller_ns_per_span = (spanned.loop_ns - empty.loop_ns) / calls;
  cost.cpu_ns_per_span = (spanned.cpu_ns - empty.cpu_ns) / calls;
  return cost;
}

} // namespace orch::bpf
