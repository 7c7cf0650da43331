// Whether uprobes with BPF can run here; when not, the reason, for a loud skip.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

namespace orch::bpf::test {

inline std::string bpf_unavailable_reason() {
  if (geteuid() != 0)
    return "not running as root: loading BPF programs and attaching uprobes needs root "
           "(or CAP_BPF and CAP_PERFMON)";
  if (!std::filesystem::exists("/sys/bus/event_source/devices/uprobe/type"))
    return "the kernel has no uprobe PMU (/sys/bus/event_source/devices/uprobe/type missing)";
  return "";
}

} // namespace orch::bpf::test

// Skips the test, printing why in a way nobody misses in a CI log.
#define SKIP_UNLESS_BPF_AVAILABLE()                                                           \
  do {                                                                                        \
    std::string reason = orch::bpf::test::bpf_unavailable_reason();                          \
    if (!reason.empty()) {                                                                    \
      std::fprintf(stderr, "\n******** BPF TEST SKIPPED: %s ********\n\n", reason.c_str());  \
      GTEST_SKIP() << reason;                                                                 \
    }                                                                                         \
  } while (0)
