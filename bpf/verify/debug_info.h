// What the plain build's DWARF says about the instrumented functions and
// calls: where the compiler inlined them (DW_TAG_inlined_subroutine entries whose abstract
// origin is the function) and the symbols of their out-of-line copies (for
// functions whose manifest symbol is not in the plain build, such as lambdas:
// Clang and GCC mangle their closure types differently).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "loader/elf_image.h"
#include "verify/manifest.h"

namespace orch::verify {

struct DebugFacts {
  std::vector<size_t> inlined_sites;                  // indexed like the manifest
  // DW_AT_inline says the compiler inlined the function (even when no inlined
  // copy is left: a loop of inlined calls may fold into a constant).
  std::vector<bool> inlined_by_compiler;
  std::vector<std::vector<std::string>> defined_symbols; // out-of-line copies at the function's file:line
  std::vector<bool> inlined_calls;                    // per manifest call: its callee was inlined there
  bool any_debug_info = false;                        // false: built without -g, nothing can be told
};

// Reads the debug info of every image (program and libraries). A DWARF
// function is a manifest function when its linkage name (C++) or name (C) is
// one of the manifest's symbols, or when it is declared at the manifest's
// file and line; an inlined copy stands for a manifest call when it is its
// callee's, called at the call's file and line.
DebugFacts read_debug_facts(const bpf::ElfImageSet &images, const Manifest &manifest);

} // namespace orch::verify
