// The functions orch instrumented: the `orch_manifest` ELF section (one JSON
// line per function, written by the rewriter) of a program and of the shared
// libraries it loads.
#pragma once

#include <string>
#include <vector>

namespace orch::verify {

struct ManifestFunction {
  std::string name;                 // qualified name
  std::vector<std::string> symbols; // mangled; several for constructors and destructors
  std::string file;                 // source path, as in the spans' code.file.path
  unsigned line = 0;                // as in the spans' code.line.number
  std::string kind;
  std::string aspect;
  bool records_spans = true;        // a span per call
  bool counts_calls = true;         // each call counted in orch.function.calls
};

// The program's functions, then its libraries' (DT_NEEDED, found as the
// dynamic loader would); each function once. Throws std::runtime_error for an
// unreadable file or a malformed line.
std::vector<ManifestFunction> read_manifest(const std::string &program);

} // namespace orch::verify
