// What orch instrumented: the `orch_manifest` ELF section (one JSON line per
// function or call site, written by the rewriter) of a program and of the
// shared libraries it loads.
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

// An instrumented call site: its spans and metrics carry the caller as
// code.function.name and the call's file and line.
struct ManifestCall {
  std::string callee;               // qualified name
  std::vector<std::string> symbols; // the callee's
  std::string caller;               // qualified name ("" at namespace scope)
  std::string file;
  unsigned line = 0, column = 0;
  std::string aspect;
  bool records_spans = true;        // a span per call
  bool counts_calls = true;         // each call counted in orch.call_site.calls
};

struct Manifest {
  std::vector<ManifestFunction> functions;
  std::vector<ManifestCall> calls;
};

// The program's entries, then its libraries' (DT_NEEDED, found as the dynamic
// loader would); each once. Throws std::runtime_error for an unreadable file
// or a malformed line.
Manifest read_manifest(const std::string &program);

} // namespace orch::verify
