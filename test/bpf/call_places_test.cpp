// Call sites from return addresses (bpf/verify/call_places): the known-counts
// program probed at two callees' entries, each entry's return address placed
// at the line of its call; and the same without the BPF program's own
// placements (bpf_find_vma gives up while another thread holds the mm's
// lock), from the load addresses the callees' entries give.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>

#include "bpf_available.h"
#include "loader/probe_plan.h"
#include "loader/probe_session.h"
#include "loader/suspended_child.h"
#include "verify/call_places.h"

namespace orch::verify {
namespace {

// The line of the program's source that holds `text`.
unsigned line_of(const std::string &text) {
  std::ifstream source(KNOWN_COUNTS_SOURCE);
  std::string line;
  for (unsigned number = 1; std::getline(source, line); number++)
    if (line.find(text) != std::string::npos)
      return number;
  return 0;
}

TEST(CallPlaces, ReturnAddressesArePlacedAtTheLineOfTheirCall) {
  SKIP_UNLESS_BPF_AVAILABLE();
  bpf::ElfImageSet images(KNOWN_COUNTS_PROGRAM);
  bpf::ProbePlan plan;
  plan.callees = bpf::plan_callee_entries(images, {{"shared_square", {"_Z13shared_squarei"}},
                                                   {"maybe_throw", {"_Z11maybe_throwi"}}});
  bpf::ProbeSession session(plan);
  bpf::SuspendedChild child({KNOWN_COUNTS_PROGRAM});
  session.only_process(child.pid());
  child.release();
  ASSERT_EQ(child.wait(), 0);
  ProbedCallers run{session.caller_entries(), session.return_address_places(), session.callee_addresses()};
  session.detach();

  ReturnPlaces places(images);
  std::map<uint64_t, SourcePlace> placed = places.place(run);
  std::map<uint32_t, std::set<std::string>> calls; // per callee: file:line of its callers
  for (const bpf::CallerEntries &entry : run.entries) {
    ASSERT_TRUE(placed.count(entry.return_address));
    const SourcePlace &place = placed[entry.return_address];
    calls[entry.callee].insert(std::filesystem::path(place.file).filename().string() + ":" +
                               std::to_string(place.line));
  }
  EXPECT_EQ(calls, (std::map<uint32_t, std::set<std::string>>{
                       {0, {"program.cpp:" + std::to_string(line_of("sum += shared_square(i);"))}},
                       {1, {"program.cpp:" + std::to_string(line_of("  maybe_throw(i);"))}}}));

  ProbedCallers unplaced = run;
  unplaced.placed.clear();
  std::map<uint64_t, SourcePlace> by_load_address = places.place(unplaced);
  ASSERT_EQ(by_load_address.size(), placed.size());
  for (const auto &[address, place] : placed) {
    EXPECT_EQ(by_load_address[address].file, place.file);
    EXPECT_EQ(by_load_address[address].line, place.line);
    EXPECT_EQ(by_load_address[address].column, place.column);
  }
}

} // namespace
} // namespace orch::verify
