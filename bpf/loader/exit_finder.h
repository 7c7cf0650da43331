// Finds where a function can leave: disassembles its code (and its .cold part)
// with LLVM's MC disassembler and keeps the returns and the jumps whose target
// lies outside the function (tail calls). Exceptions and longjmp leave without
// any of these; the BPF side counts those frames as abandoned.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "funcstats.h"

namespace orch::bpf {

// A contiguous piece of a function: the function itself or its .cold part.
struct CodePart {
  uint64_t address = 0;
  std::vector<uint8_t> bytes;
};

struct ExitInstruction {
  uint64_t address = 0;
  fs_exit_kind kind = FS_EXIT_ALWAYS;
  uint8_t cond = 0;  // jcc condition code, for FS_EXIT_IF_COND
  uint8_t reg = 0;   // fs_reg, for FS_EXIT_IF_REG_OUT
};

class ExitFinder {
public:
  ExitFinder(); // x86-64; throws std::runtime_error if LLVM lacks the target
  ~ExitFinder();
  std::vector<ExitInstruction> find(const std::vector<CodePart> &parts) const;
  // The targets of the direct calls and jumps that leave the parts.
  std::vector<uint64_t> direct_targets(const std::vector<CodePart> &parts) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace orch::bpf
