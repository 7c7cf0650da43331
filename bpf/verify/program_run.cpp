#include "verify/program_run.h"

#include <chrono>
#include <csignal>

namespace orch::verify {

namespace {

constexpr std::chrono::seconds kStartTimeout{30};

// With a workload: waits for the program to listen, runs the workload, stops
// the program with SIGTERM. Returns what went wrong, or "".
std::string serve_workload(const RunSpec &spec, bpf::SuspendedChild &program, RunMeasure &measure) {
  int port = 0;
  try {
    port = wait_until_listening(program, kStartTimeout);
  } catch (const std::exception &error) {
    program.send(SIGKILL);
    return error.what();
  }
  WorkloadEnd workload = run_workload(spec.workload, port, spec.workload_output);
  measure.throughput = workload.throughput;
  program.send(SIGTERM);
  if (workload.end.status() != 0)
    return "the workload failed: " + workload.end.describe();
  return "";
}

} // namespace

RunMeasure run_program(const RunSpec &spec) {
  RunMeasure measure;
  bpf::SuspendedChild program(spec.argv, spec.setup);
  if (spec.before_release)
    spec.before_release(program.pid());
  auto start = std::chrono::steady_clock::now();
  program.release();
  std::string workload_failure = spec.workload.empty() ? "" : serve_workload(spec, program, measure);
  measure.end = program.finish();
  measure.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  measure.cpu_s = measure.end.cpu_seconds;
  measure.max_rss_kb = measure.end.max_rss_kb;

  // A server stopped by our SIGTERM may end by that signal or exit normally.
  bool stopped_by_us = !spec.workload.empty() && measure.end.signal == SIGTERM;
  if (!workload_failure.empty())
    measure.failure = workload_failure;
  else if (measure.end.status() == 127 && !measure.end.signal)
    measure.failure = "exit status 127 (could it be executed? " + spec.argv[0] + ")";
  else if (measure.end.status() != 0 && !stopped_by_us)
    measure.failure = "the program ended with " + measure.end.describe();
  return measure;
}

} // namespace orch::verify
