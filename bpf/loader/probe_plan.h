// Where to put the probes for a list of instrumented functions: for each
// symbol, the file and offset of its entry and of each of its exit instructions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "funcstats.h"
#include "loader/elf_image.h"
#include "loader/exit_finder.h"

namespace orch::bpf {

// One function of the manifest: its name and the mangled symbols it was emitted
// as (several for constructors and destructors).
struct FunctionRequest {
  std::string name;
  std::vector<std::string> symbols;
};

struct ProbedExit {
  uint64_t file_offset = 0;
  fs_exit_site site{};
};

struct ProbedSymbol {
  std::string symbol;
  std::string image;          // file the uprobes are attached to
  uint64_t entry_offset = 0;
  std::vector<ProbedExit> exits;
};

struct PlannedFunction {
  std::string name;
  // Empty when no symbol exists: the compiler inlined every call or dropped it.
  std::vector<ProbedSymbol> symbols;
};

struct ProbePlan {
  std::vector<PlannedFunction> functions; // function id = index
  // Callees of call sites: an entry probe each (no exits), counting calls by
  // return address; callee id = index.
  std::vector<PlannedFunction> callees;
  size_t probe_count() const;
  size_t exit_site_count() const;
};

ProbePlan plan_probes(const ElfImageSet &images, const std::vector<FunctionRequest> &requests,
                      const ExitFinder &finder);
std::vector<PlannedFunction> plan_callee_entries(const ElfImageSet &images, const std::vector<FunctionRequest> &callees);

} // namespace orch::bpf
