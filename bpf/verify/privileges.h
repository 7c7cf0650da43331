// Whether this process may load BPF programs and attach uprobes.
#pragma once

#include <string>

namespace orch::verify {

// Empty when allowed (root, or CAP_BPF and CAP_PERFMON, or CAP_SYS_ADMIN on
// kernels before 5.8); otherwise the message saying exactly what is missing.
std::string missing_bpf_privileges();

} // namespace orch::verify
