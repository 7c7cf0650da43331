#include "loader/probe_session.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <map>
#include <sys/resource.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "funcstats.skel.h"
#include "loader/uprobe_multi.h"

namespace orch::bpf {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::runtime_error failure(const std::string &what, int err) {
  std::string text = what + ": " + std::strerror(err < 0 ? -err : err);
  if (err == -EPERM || err == EPERM)
    text += " (needs root, or CAP_BPF and CAP_PERFMON)";
  return std::runtime_error(text);
}

// Every probe holds a perf event file descriptor: hundreds of functions need
// more than the usual soft limit of 1024.
void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// Per-CPU map values, summed over CPUs.
template <typename Value, typename Add>
Value sum_over_cpus(int map_fd, uint32_t key, Add add) {
  int cpus = libbpf_num_possible_cpus();
  std::vector<Value> values(cpus > 0 ? cpus : 1);
  Value total{};
  if (bpf_map_lookup_elem(map_fd, &key, values.data()) == 0)
    for (const Value &value : values)
      add(total, value);
  return total;
}

// Every key and value of a hash map.
template <typename Key, typename Value, typename Each> void for_each_entry(int map_fd, Each each) {
  Key key{}, next{};
  for (Key *previous = nullptr; bpf_map_get_next_key(map_fd, previous, &next) == 0; previous = &key) {
    Value value{};
    if (bpf_map_lookup_elem(map_fd, &next, &value) == 0)
      each(next, value);
    key = next;
  }
}

} // namespace

uint64_t FunctionStats::quantile_ns(double q) const {
  uint64_t seen = 0, count = 0;
  for (uint64_t n : hist)
    count += n;
  if (count == 0)
    return 0;
  for (size_t slot = 0; slot < hist.size(); slot++) {
    seen += hist[slot];
    if (seen >= q * count)
      return uint64_t{2} << slot;
  }
  return uint64_t{2} << (hist.size() - 1);
}

ProbeSession::ProbeSession(const ProbePlan &plan) : function_count_(plan.functions.size()) {
  raise_file_limit();
  // uprobe_multi links first (kernel 6.6+); one perf event per probe otherwise.
  if (!load_and_attach(plan, /*multi=*/true))
    load_and_attach(plan, /*multi=*/false);
}

// Returns false when the kernel rejects uprobe_multi links; throws on any other failure.
bool ProbeSession::load_and_attach(const ProbePlan &plan, bool multi) {
  skel_ = funcstats::open();
  if (!skel_)
    throw failure("cannot open the funcstats BPF object", errno);
  bpf_map__set_max_entries(skel_->maps.func_stats, std::max<size_t>(1, function_count_));
  bpf_map__set_max_entries(skel_->maps.exit_sites, std::max<size_t>(1, plan.exit_site_count()));
  size_t callee_symbols = 0;
  for (const PlannedFunction &callee : plan.callees)
    callee_symbols += callee.symbols.size();
  bpf_map__set_max_entries(skel_->maps.callee_addresses, std::max<size_t>(1, callee_symbols));
  if (multi)
    for (bpf_program *program : {skel_->progs.function_entry, skel_->progs.function_exit,
                                 skel_->progs.function_entry_exit, skel_->progs.callee_entry})
      bpf_program__set_expected_attach_type(program, static_cast<bpf_attach_type>(kUprobeMultiAttachType));
  int err = funcstats::load(skel_);
  if (err == 0) {
    try {
      err = attach(plan, multi);
    } catch (...) {
      detach();
      funcstats::destroy(skel_);
      skel_ = nullptr;
      throw;
    }
  }
  if (err == 0) {
    uses_uprobe_multi_ = multi;
    return true;
  }
  detach();
  funcstats::destroy(skel_);
  skel_ = nullptr;
  if (multi && (err == -EINVAL || err == -EOPNOTSUPP || err == -ENOSYS || err == -E2BIG))
    return false;
  throw failure("cannot load the funcstats BPF program", err);
}

int ProbeSession::attach(const ProbePlan &plan, bool multi) {
  auto start = std::chrono::steady_clock::now();
  thread_exit_link_ = bpf_program__attach(skel_->progs.thread_exit);
  if (!thread_exit_link_)
    throw failure("cannot attach to the sched_process_exit raw tracepoint", errno);
  int sites_fd = bpf_map__fd(skel_->maps.exit_sites);
  // Probes grouped by program and file: one uprobe_multi link each.
  std::map<std::pair<bpf_program *, std::string>, std::pair<std::vector<uint64_t>, std::vector<uint64_t>>> groups;
  uint32_t site_index = 0;
  for (uint32_t func = 0; func < plan.functions.size(); func++) {
    for (const ProbedSymbol &symbol : plan.functions[func].symbols) {
      bool exit_at_entry = false;
      for (const ProbedExit &exit : symbol.exits) {
        if (bpf_map_update_elem(sites_fd, &site_index, &exit.site, BPF_ANY) != 0)
          throw failure("cannot store an exit site", errno);
        // One probe per instruction: the order of two would be up to the kernel.
        bool at_entry = exit.file_offset == symbol.entry_offset;
        exit_at_entry |= at_entry;
        auto &group = groups[{at_entry ? skel_->progs.function_entry_exit : skel_->progs.function_exit, symbol.image}];
        group.first.push_back(exit.file_offset);
        group.second.push_back(site_index++);
      }
      if (!exit_at_entry) {
        auto &group = groups[{skel_->progs.function_entry, symbol.image}];
        group.first.push_back(symbol.entry_offset);
        group.second.push_back(func);
      }
    }
  }
  callee_symbols_.clear();
  for (uint32_t callee = 0; callee < plan.callees.size(); callee++)
    for (const ProbedSymbol &symbol : plan.callees[callee].symbols) {
      auto &group = groups[{skel_->progs.callee_entry, symbol.image}];
      group.first.push_back(symbol.entry_offset);
      group.second.push_back(callee_symbols_.size());
      callee_symbols_.push_back({callee, symbol.image, symbol.entry_offset});
    }
  for (auto &[key, points] : groups) {
    auto &[program, image] = key;
    auto &[offsets, cookies] = points;
    if (multi) {
      int fd = attach_uprobe_multi(bpf_program__fd(program), image, offsets, cookies);
      if (fd < 0)
        return fd;
      multi_link_fds_.push_back(fd);
      probe_count_ += offsets.size();
      continue;
    }
    for (size_t i = 0; i < offsets.size(); i++) {
      LIBBPF_OPTS(bpf_uprobe_opts, options, .bpf_cookie = cookies[i], .retprobe = false);
      bpf_link *link = bpf_program__attach_uprobe_opts(program, -1, image.c_str(), offsets[i], &options);
      if (!link)
        throw failure("cannot attach a uprobe to " + image + " at offset " + std::to_string(offsets[i]), errno);
      links_.push_back(link);
      probe_count_++;
    }
  }
  attach_seconds_ = seconds_since(start);
  return 0;
}

ProbeSession::~ProbeSession() {
  detach();
  funcstats::destroy(skel_);
}

void ProbeSession::only_process(pid_t pid) { skel_->bss->target_tgid = static_cast<uint32_t>(pid); }

std::vector<FunctionStats> ProbeSession::function_stats() const {
  std::vector<FunctionStats> result;
  int fd = bpf_map__fd(skel_->maps.func_stats);
  for (uint32_t func = 0; func < function_count_; func++) {
    fs_func_stats total = sum_over_cpus<fs_func_stats>(fd, func, [](fs_func_stats &sum, const fs_func_stats &cpu) {
      sum.calls += cpu.calls;
      sum.total_ns += cpu.total_ns;
      sum.abandoned += cpu.abandoned;
      for (int slot = 0; slot < FS_HIST_SLOTS; slot++)
        sum.hist[slot] += cpu.hist[slot];
    });
    FunctionStats stats;
    stats.calls = total.calls;
    stats.total_ns = total.total_ns;
    stats.abandoned = total.abandoned;
    std::copy(std::begin(total.hist), std::end(total.hist), stats.hist.begin());
    result.push_back(stats);
  }
  return result;
}

std::vector<CallerEntries> ProbeSession::caller_entries() const {
  std::vector<CallerEntries> result;
  for_each_entry<fs_caller_key, uint64_t>(bpf_map__fd(skel_->maps.callers), [&](const fs_caller_key &key, uint64_t n) {
    if (key.symbol < callee_symbols_.size())
      result.push_back({callee_symbols_[key.symbol].callee, key.return_address, n});
  });
  return result;
}

std::map<uint64_t, FilePlace> ProbeSession::return_address_places() const {
  std::map<uint64_t, FilePlace> result;
  for_each_entry<uint64_t, fs_place>(bpf_map__fd(skel_->maps.places), [&](uint64_t address, const fs_place &place) {
    result[address] = {place.inode, place.offset};
  });
  return result;
}

std::vector<CalleeAddress> ProbeSession::callee_addresses() const {
  std::vector<CalleeAddress> result;
  int fd = bpf_map__fd(skel_->maps.callee_addresses);
  for (uint32_t i = 0; i < callee_symbols_.size(); i++) {
    uint64_t address = 0;
    if (bpf_map_lookup_elem(fd, &i, &address) == 0 && address)
      result.push_back({callee_symbols_[i].image, callee_symbols_[i].entry_offset, address});
  }
  return result;
}

SessionCounters ProbeSession::counters() const {
  int fd = bpf_map__fd(skel_->maps.counters);
  auto read = [fd](uint32_t counter) {
    return sum_over_cpus<uint64_t>(fd, counter, [](uint64_t &sum, uint64_t cpu) { sum += cpu; });
  };
  return {read(FS_STACK_OVERFLOW), read(FS_UNMATCHED_EXIT), read(FS_NO_STACK_MEMORY), read(FS_UNKNOWN_CALLER)};
}

void ProbeSession::detach() {
  auto start = std::chrono::steady_clock::now();
  bool attached = !links_.empty() || !multi_link_fds_.empty();
  for (bpf_link *link : links_)
    bpf_link__destroy(link);
  links_.clear();
  for (int fd : multi_link_fds_)
    close(fd);
  multi_link_fds_.clear();
  bpf_link__destroy(thread_exit_link_);
  thread_exit_link_ = nullptr;
  if (attached)
    detach_seconds_ = seconds_since(start);
}

} // namespace orch::bpf
