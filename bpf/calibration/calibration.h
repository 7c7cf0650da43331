// What one probe hit and one span cost on this machine, measured on an empty
// function (tools/calibration_target.cpp). Used by orch-probe-cost and orch verify.
#pragma once

#include <cstdint>
#include <string>

namespace orch::bpf {

struct ProbeCost {
  long calls = 0;
  double plain_ns_per_call = 0;
  double probed_ns_per_call = 0;
  uint64_t counted = 0; // calls the probes saw: must equal `calls`
  // One call hits two probes (entry and exit).
  double ns_per_probe_hit() const { return (probed_ns_per_call - plain_ns_per_call) / 2; }
};

struct SpanCost {
  long calls = 0;
  // Added to the calling thread per span (wall time in the loop).
  double caller_ns_per_span = 0;
  // Process CPU time per span, the exporter thread's encoding and writing included.
  double cpu_ns_per_span = 0;
};

// The calibration target: beside the running executable (build tree), or in
// ../libexec/orch/ (installed). Throws std::runtime_error when missing.
std::string calibration_target_path();

// Probes the target's empty function (only the target's process is counted).
ProbeCost measure_probe_cost(const std::string &target, long calls);
// Runs the target's span loop with the file exporter writing to /dev/null and
// a queue large enough that no span is dropped.
SpanCost measure_span_cost(const std::string &target, long calls);

} // namespace orch::bpf
