// One run of the program under test, measured: wall time, CPU time (user +
// system) and max RSS of the child, from its release to its end.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "loader/suspended_child.h"
#include "verify/workload.h"

namespace orch::verify {

struct RunSpec {
  std::vector<std::string> argv;
  bpf::ChildSetup setup;       // stdout, stderr and extra environment
  std::string workload;        // empty: the program runs to its own end
  std::string workload_output; // where the workload's stdout goes
  // Called with the child's pid while it is held before exec (probes filter on it).
  std::function<void(pid_t)> before_release;
};

struct RunMeasure {
  double wall_s = 0;
  double cpu_s = 0;
  long max_rss_kb = 0;
  bpf::ChildEnd end;
  std::optional<Throughput> throughput;
  // Empty when the run went as expected; otherwise what went wrong (the
  // program's exit status or signal, the workload's failure).
  std::string failure;
};

RunMeasure run_program(const RunSpec &spec);

} // namespace orch::verify
