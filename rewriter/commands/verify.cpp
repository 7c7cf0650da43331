// `orch verify ...`: runs orch-verify, built in bpf/ and installed beside orch
// (it needs libbpf and root; orch itself needs neither).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "commands/commands.h"

namespace orch {

int command_verify(const std::vector<std::string> &args) {
  if (!ORCH_VERIFY_BUILT) {
    std::fprintf(stderr, "orch verify: the eBPF verifier was not built (orch was configured with "
                         "-DORCH_BUILD_BPF=OFF; it needs clang-19, bpftool, libbpf-dev and llvm-19-dev)\n");
    return 2;
  }
  std::filesystem::path verifier = std::filesystem::canonical("/proc/self/exe").parent_path() / "orch-verify";
  std::vector<char *> argv{const_cast<char *>("orch-verify")};
  for (const std::string &arg : args) argv.push_back(const_cast<char *>(arg.c_str()));
  argv.push_back(nullptr);
  execv(verifier.c_str(), argv.data());
  std::fprintf(stderr, "orch verify: cannot run %s: %s\n", verifier.c_str(), std::strerror(errno));
  return 2;
}

}  // namespace orch
