#include "verify/privileges.h"

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace orch::verify {

namespace {

// Not in Debian 12's <linux/capability.h> for every architecture header set.
constexpr int kCapPerfmon = 38;
constexpr int kCapBpf = 39;

bool has_effective(const __user_cap_data_struct (&data)[2], int cap) {
  return data[cap / 32].effective & (1u << (cap % 32));
}

} // namespace

std::string missing_bpf_privileges() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (syscall(SYS_capget, &header, data) != 0)
    return "cannot read this process's capabilities (capget failed)";
  bool bpf = has_effective(data, kCapBpf), perfmon = has_effective(data, kCapPerfmon);
  if ((bpf && perfmon) || has_effective(data, CAP_SYS_ADMIN))
    return "";
  std::string missing = !bpf && !perfmon ? "CAP_BPF and CAP_PERFMON" : !bpf ? "CAP_BPF" : "CAP_PERFMON";
  return "needs root, or the capabilities CAP_BPF and CAP_PERFMON, to load its eBPF "
         "program and attach uprobes; this process (uid " +
         std::to_string(geteuid()) + ") lacks " + missing +
         ". Run it with sudo, or grant them: sudo setcap cap_bpf,cap_perfmon+ep orch-verify";
}

} // namespace orch::verify
