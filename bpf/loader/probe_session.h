// The funcstats BPF program loaded, with uprobes on every planned entry and
// exit; reads the per-function statistics aggregated in the kernel.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

#include "funcstats.h"
#include "loader/probe_plan.h"

struct funcstats;
struct bpf_link;

namespace orch::bpf {

struct FunctionStats {
  uint64_t calls = 0;
  uint64_t total_ns = 0;
  uint64_t abandoned = 0;
  std::array<uint64_t, FS_HIST_SLOTS> hist{};
  // Upper bound of the log2 bucket holding the q-quantile (0 when no calls).
  uint64_t quantile_ns(double q) const;
};

struct SessionCounters {
  uint64_t stack_overflow = 0;
  uint64_t unmatched_exit = 0;
  uint64_t no_stack_memory = 0;
  uint64_t unknown_caller = 0;
};

// Entries of a callee (plan.callees) with one return address, an address of
// the measured process.
struct CallerEntries {
  uint32_t callee = 0;
  uint64_t return_address = 0;
  uint64_t entries = 0;
};

// Where a return address lies: a file (by inode) and an offset in it.
struct FilePlace {
  uint64_t inode = 0;
  uint64_t offset = 0;
};

// Where a callee's probed entry ran: the file's load address follows.
struct CalleeAddress {
  std::string image;
  uint64_t entry_offset = 0; // in the file
  uint64_t address = 0;      // in the measured process
};

class ProbeSession {
public:
  // Loads the program and attaches every probe; throws std::runtime_error
  // with the reason (permissions, kernel support, bad offset) on failure.
  explicit ProbeSession(const ProbePlan &plan);
  ~ProbeSession();
  ProbeSession(const ProbeSession &) = delete;
  ProbeSession &operator=(const ProbeSession &) = delete;

  // Count only this process (its threads included); 0 counts every process.
  void only_process(pid_t pid);
  std::vector<FunctionStats> function_stats() const; // indexed like plan.functions
  std::vector<CallerEntries> caller_entries() const;
  // The return addresses the BPF program could place in a file.
  std::map<uint64_t, FilePlace> return_address_places() const;
  // The callee symbols that ran.
  std::vector<CalleeAddress> callee_addresses() const;
  SessionCounters counters() const;
  void detach();

  size_t probe_count() const { return probe_count_; }
  bool uses_uprobe_multi() const { return uses_uprobe_multi_; }
  double attach_seconds() const { return attach_seconds_; }
  double detach_seconds() const { return detach_seconds_; }

private:
  bool load_and_attach(const ProbePlan &plan, bool multi);
  int attach(const ProbePlan &plan, bool multi);
  funcstats *skel_ = nullptr;
  std::vector<bpf_link *> links_;  // one per probe, without uprobe_multi
  std::vector<int> multi_link_fds_; // one per program and file, with it
  bpf_link *thread_exit_link_ = nullptr; // frees an exiting thread's shadow stack
  // Per callee symbol (the callee_entry cookie): its callee and where it is.
  struct CalleeSymbol {
    uint32_t callee;
    std::string image;
    uint64_t entry_offset;
  };
  std::vector<CalleeSymbol> callee_symbols_;
  size_t function_count_ = 0;
  size_t probe_count_ = 0;
  bool uses_uprobe_multi_ = false;
  double attach_seconds_ = 0;
  double detach_seconds_ = 0;
};

} // namespace orch::bpf
