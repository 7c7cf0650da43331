// Probes the known-counts program (known_counts/) with the funcstats BPF
// program and asserts the counts exactly: recursion deeper than 64, threads,
// exceptions through probed frames, tail calls, a .cold part, C, a shared library.
#include <cstdio>
#include <gtest/gtest.h>
#include <map>
#include <sys/stat.h>

#include "bpf_available.h"
#include "known_counts.h"
#include "loader/probe_plan.h"
#include "loader/probe_session.h"
#include "loader/suspended_child.h"

namespace orch::bpf {
namespace {

using namespace known_counts;

struct Expected {
  const char *name;
  const char *symbol;
  uint64_t calls;
  uint64_t abandoned;
};

const Expected kExpected[] = {
    {"recurse", "_Z7recursei", kRecursionDepth + 1, 0},
    {"worker_step", "_Z11worker_stepi", kThreads * kCallsPerThread, 0},
    {"maybe_throw", "_Z11maybe_throwi", kThrowAttempts / 2, kThrowAttempts / 2},
    {"pass_through", "_Z12pass_throughi", kThrowAttempts / 2, kThrowAttempts / 2},
    {"c_sum", "c_sum", kCSumCalls, 0},
    {"shared_square", "_Z13shared_squarei", kSharedCalls, 0},
    {"tail_caller", "_Z11tail_calleri", kTailCalls, 0},
    {"tail_callee", "_Z11tail_calleei", kTailCalls, 0},
    {"cold_path_user", "_Z14cold_path_useri", kColdCalls, 0},
};
const char kInlinedSymbol[] = "_Z14always_inlinedi";

std::vector<FunctionRequest> requests() {
  std::vector<FunctionRequest> result;
  for (const Expected &expected : kExpected)
    result.push_back({expected.name, {expected.symbol}});
  result.push_back({"always_inlined", {kInlinedSymbol}});
  return result;
}

class KnownCounts : public ::testing::Test {
protected:
  ElfImageSet images{KNOWN_COUNTS_PROGRAM};
  ExitFinder finder;
  ProbePlan plan = plan_probes(images, requests(), finder);
};

TEST_F(KnownCounts, PlanFindsSymbolsInProgramAndSharedLibrary) {
  ASSERT_EQ(plan.functions.size(), std::size(kExpected) + 1);
  for (size_t i = 0; i < std::size(kExpected); i++) {
    ASSERT_EQ(plan.functions[i].symbols.size(), 1u) << kExpected[i].name;
    EXPECT_FALSE(plan.functions[i].symbols[0].exits.empty()) << kExpected[i].name;
  }
  EXPECT_TRUE(plan.functions.back().symbols.empty()) << "always_inlined has no symbol";
  const ProbedSymbol &shared = plan.functions[5].symbols[0];
  EXPECT_NE(shared.image.find("libknown_counts_shared.so"), std::string::npos) << shared.image;
}

TEST_F(KnownCounts, TailCallIsAnExit) {
  const ProbedSymbol &caller = plan.functions[6].symbols[0];
  ASSERT_EQ(caller.exits.size(), 1u) << "tail_caller should end in one jmp to tail_callee";
  EXPECT_EQ(caller.exits[0].site.kind, FS_EXIT_ALWAYS);
}

TEST_F(KnownCounts, ProbesCountEveryCallExactly) {
  SKIP_UNLESS_BPF_AVAILABLE();
  ProbeSession session(plan);
  SuspendedChild child({KNOWN_COUNTS_PROGRAM});
  session.only_process(child.pid());
  child.release();
  ASSERT_EQ(child.wait(), 0);
  std::vector<FunctionStats> stats = session.function_stats();
  SessionCounters counters = session.counters();
  session.detach();
  std::fprintf(stderr, "%zu probes (%s): attach %.3f s, detach %.3f s\n", session.probe_count(),
               session.uses_uprobe_multi() ? "uprobe_multi" : "perf events", session.attach_seconds(),
               session.detach_seconds());

  for (size_t i = 0; i < std::size(kExpected); i++) {
    EXPECT_EQ(stats[i].calls, kExpected[i].calls) << kExpected[i].name;
    EXPECT_EQ(stats[i].abandoned, kExpected[i].abandoned) << kExpected[i].name;
  }
  EXPECT_EQ(stats.back().calls, 0u);
  EXPECT_EQ(counters.stack_overflow, 0u);
  EXPECT_EQ(counters.unmatched_exit, 0u);
  EXPECT_EQ(counters.no_stack_memory, 0u);
}

// The function of `image` whose code holds the file offset `offset`.
std::string function_holding(const ElfImage &image, uint64_t offset, const std::vector<std::string> &candidates) {
  std::optional<uint64_t> address = image.address_at(offset);
  for (const std::string &name : candidates)
    if (auto function = image.function(name); function && address && *address > function->address &&
                                              *address <= function->address + function->size)
      return name;
  return "elsewhere";
}

// Callee entries by return address: each callee's calls are counted at the
// address they return to, in main or pass_through, in the program file,
// whichever file the callee is in (shared_square is in the library); a tail
// call returns to its caller's caller. The addresses are placed in the file,
// and the callees' own entries give their files' load addresses.
TEST_F(KnownCounts, CalleeEntriesAreCountedByReturnAddress) {
  SKIP_UNLESS_BPF_AVAILABLE();
  plan.callees = plan_callee_entries(images, {{"shared_square", {"_Z13shared_squarei"}},
                                              {"maybe_throw", {"_Z11maybe_throwi"}},
                                              {"tail_callee", {"_Z11tail_calleei"}}});
  ProbeSession session(plan);
  SuspendedChild child({KNOWN_COUNTS_PROGRAM});
  session.only_process(child.pid());
  child.release();
  ASSERT_EQ(child.wait(), 0);
  std::vector<CallerEntries> entries = session.caller_entries();
  std::map<uint64_t, FilePlace> places = session.return_address_places();
  std::vector<CalleeAddress> callees = session.callee_addresses();
  SessionCounters counters = session.counters();
  session.detach();

  struct stat program {};
  ASSERT_EQ(stat(KNOWN_COUNTS_PROGRAM, &program), 0);
  const ElfImage &image = *images.images().front();
  std::map<std::pair<uint32_t, std::string>, uint64_t> by_function;
  for (const CallerEntries &e : entries) {
    ASSERT_TRUE(places.count(e.return_address)) << "callee " << e.callee;
    const FilePlace &place = places[e.return_address];
    EXPECT_EQ(place.inode, program.st_ino) << "callee " << e.callee;
    by_function[{e.callee, function_holding(image, place.offset, {"main", "_Z12pass_throughi"})}] += e.entries;
  }
  EXPECT_EQ(by_function, (std::map<std::pair<uint32_t, std::string>, uint64_t>{
                             {{0, "main"}, kSharedCalls},
                             {{1, "_Z12pass_throughi"}, kThrowAttempts},
                             {{2, "main"}, kTailCalls}}));
  EXPECT_EQ(counters.unknown_caller, 0u);

  ASSERT_EQ(callees.size(), 3u);
  for (const CalleeAddress &callee : callees) {
    const ElfImage *file = nullptr;
    for (const auto &candidate : images.images())
      if (candidate->path() == callee.image)
        file = candidate.get();
    ASSERT_NE(file, nullptr) << callee.image;
    std::optional<uint64_t> at = file->address_at(callee.entry_offset);
    ASSERT_TRUE(at);
    EXPECT_EQ((callee.address - *at) % 4096, 0u) << callee.image << ": a load bias is page-aligned";
  }
}

} // namespace
} // namespace orch::bpf
