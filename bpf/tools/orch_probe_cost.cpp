// orch-probe-cost: what one uprobe hit costs on this machine, and how long
// attaching and detaching many probes takes. Runs calibration_target.
//   orch-probe-cost [CALLS] [FUNCTIONS]
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "loader/probe_plan.h"
#include "loader/probe_session.h"

using namespace orch::bpf;

namespace {

// Runs the target's loop of `calls` empty calls; returns the ns it measured.
// The probes count every process running the target: only this one does.
long long run_target(long calls) {
  std::string command = std::string(ORCH_CALIBRATION_TARGET) + " " + std::to_string(calls);
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe)
    throw std::runtime_error("cannot run " + command);
  long long ns = -1;
  if (std::fscanf(pipe, "%lld", &ns) != 1 || pclose(pipe) != 0)
    throw std::runtime_error(command + " failed");
  return ns;
}

} // namespace

int main(int argc, char **argv) try {
  long calls = argc > 1 ? std::atol(argv[1]) : 200000;
  int functions = argc > 2 ? std::atoi(argv[2]) : 512;
  ElfImageSet images(ORCH_CALIBRATION_TARGET);
  ExitFinder finder;

  long long plain_ns = run_target(calls);
  long long probed_ns;
  uint64_t counted;
  {
    ProbeSession session(plan_probes(images, {{"empty_function", {"empty_function"}}}, finder));
    probed_ns = run_target(calls);
    counted = session.function_stats()[0].calls;
  }
  double per_call = double(probed_ns - plain_ns) / calls;
  std::printf("empty function: %ld calls, %.1f ns/call plain, %.1f ns/call probed (%llu counted)\n", calls,
              double(plain_ns) / calls, double(probed_ns) / calls, static_cast<unsigned long long>(counted));
  std::printf("probe cost: %.0f ns per call (entry + exit), %.0f ns per probe hit\n", per_call, per_call / 2);

  std::vector<FunctionRequest> many;
  for (int i = 0; i < functions; i++) {
    std::string name = "many_" + std::to_string(100 + i / 64 * 100 + i % 64 / 8 * 10 + i % 8);
    many.push_back({name, {name}});
  }
  ProbeSession session(plan_probes(images, many, finder));
  session.detach();
  std::printf("%d functions, %zu probes (%s): attach %.3f s, detach %.3f s\n", functions, session.probe_count(),
              session.uses_uprobe_multi() ? "uprobe_multi links" : "one perf event each", session.attach_seconds(),
              session.detach_seconds());
  return 0;
} catch (const std::exception &error) {
  std::fprintf(stderr, "orch-probe-cost: %s\n", error.what());
  return 1;
}
