// orch-probe-cost: what one uprobe hit costs on this machine, and how long
// attaching and detaching many probes takes. Runs calibration_target.
//   orch-probe-cost [CALLS] [FUNCTIONS]
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "calibration/calibration.h"
#include "loader/probe_plan.h"
#include "loader/probe_session.h"

using namespace orch::bpf;

int main(int argc, char **argv) try {
  long calls = argc > 1 ? std::atol(argv[1]) : 200000;
  int functions = argc > 2 ? std::atoi(argv[2]) : 512;
  std::string target = calibration_target_path();

  ProbeCost cost = measure_probe_cost(target, calls);
  std::printf("empty function: %ld calls, %.1f ns/call plain, %.1f ns/call probed (%llu counted)\n", calls,
              cost.plain_ns_per_call, cost.probed_ns_per_call, static_cast<unsigned long long>(cost.counted));
  std::printf("probe cost: %.0f ns per call (entry + exit), %.0f ns per probe hit\n", cost.ns_per_probe_hit() * 2,
              cost.ns_per_probe_hit());

  std::vector<FunctionRequest> many;
  for (int i = 0; i < functions; i++) {
    std::string name = "many_" + std::to_string(100 + i / 64 * 100 + i % 64 / 8 * 10 + i % 8);
    many.push_back({name, {name}});
  }
  ElfImageSet images(target);
  ExitFinder finder;
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
