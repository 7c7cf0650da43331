#include "loader/uprobe_multi.h"

#include <cerrno>
#include <linux/bpf.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace orch::bpf {

namespace {

// The link_create member of union bpf_attr, as kernel 6.6 lays it out for uprobe_multi.
struct UprobeMultiLinkAttr {
  uint32_t prog_fd;
  uint32_t target_fd;
  uint32_t attach_type;
  uint32_t flags;
  uint64_t path;
  uint64_t offsets;
  uint64_t ref_ctr_offsets;
  uint64_t cookies;
  uint32_t cnt;
  uint32_t multi_flags;
  uint32_t pid;
  uint32_t padding;
};

} // namespace

int attach_uprobe_multi(int program_fd, const std::string &path, const std::vector<uint64_t> &offsets,
                        const std::vector<uint64_t> &cookies) {
  UprobeMultiLinkAttr attr{};
  attr.prog_fd = static_cast<uint32_t>(program_fd);
  attr.attach_type = kUprobeMultiAttachType;
  attr.path = reinterpret_cast<uint64_t>(path.c_str());
  attr.offsets = reinterpret_cast<uint64_t>(offsets.data());
  attr.cookies = reinterpret_cast<uint64_t>(cookies.data());
  attr.cnt = static_cast<uint32_t>(offsets.size());
  long fd = syscall(__NR_bpf, BPF_LINK_CREATE, &attr, sizeof attr);
  return fd < 0 ? -errno : static_cast<int>(fd);
}

} // namespace orch::bpf
