// Which call site a callee's entry came from. The BPF program counts a
// callee's entries by return address, and places in a file (inode, offset)
// the addresses it can; the others are placed here by the load address of a
// file learned from those and from the callees' own entries (all of a file
// moves by one load bias). The calling instruction's file:line:column in the
// plain build's debug info then names the manifest's call.
#pragma once

#include <llvm/DebugInfo/DWARF/DWARFContext.h>
#include <llvm/Object/ObjectFile.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loader/elf_image.h"
#include "loader/probe_session.h"
#include "verify/manifest.h"

namespace orch::verify {

struct SourcePlace {
  std::string file;
  unsigned line = 0, column = 0;
};

// What one probed run left to place its callees' return addresses with.
struct ProbedCallers {
  std::vector<bpf::CallerEntries> entries;
  std::map<uint64_t, bpf::FilePlace> placed; // by the BPF program
  std::vector<bpf::CalleeAddress> callees;
};

class ReturnPlaces {
public:
  explicit ReturnPlaces(const bpf::ElfImageSet &images);
  ~ReturnPlaces();
  // The source place of each return address of the run that can be placed:
  // the innermost place (inlined frames included) of the instruction before
  // it, the call.
  std::map<uint64_t, SourcePlace> place(const ProbedCallers &run);

private:
  struct Dwarf {
    llvm::object::OwningBinary<llvm::object::ObjectFile> object;
    std::unique_ptr<llvm::DWARFContext> context;
  };
  std::optional<SourcePlace> source_place(const bpf::ElfImage &image, uint64_t address);

  std::map<uint64_t, const bpf::ElfImage *> by_inode_;
  std::map<std::string, const bpf::ElfImage *> by_path_;
  std::map<const bpf::ElfImage *, Dwarf> dwarf_; // read on first use
};

// One probed run, per call site.
struct CallProbeTally {
  std::vector<uint64_t> calls;        // the callee's entries that returned to this call site
  std::vector<uint64_t> callee_calls; // all the callee's entries, whoever called
  uint64_t unplaced = 0;              // entries of any callee with a return address not placed
};

// `callee_of[c]` is call c's callee in the probe plan. Among a callee's calls
// at the place's file and line, the place belongs to the last one starting
// at or before its column (the compiler's column for a call lies within the
// call: GCC's is the `(`, Clang's the start), else to the first.
CallProbeTally tally_call_probes(const std::vector<ManifestCall> &calls, const std::vector<uint32_t> &callee_of,
                                 const std::vector<bpf::CallerEntries> &entries,
                                 const std::map<uint64_t, SourcePlace> &places);

} // namespace orch::verify
