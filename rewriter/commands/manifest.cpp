// `orch manifest BINARY...`: the instrumented functions recorded in a linked
// program or shared library (ELF section `orch_manifest`), one JSON line each.
#include <llvm/Object/ObjectFile.h>

#include <cstdio>
#include <set>

#include "commands/commands.h"

namespace orch {

int command_manifest(const std::vector<std::string> &args) {
  if (args.empty()) {
    std::fprintf(stderr, "usage: orch manifest BINARY...\n");
    return 2;
  }
  int status = 0;
  for (const auto &path : args) {
    auto binary = llvm::object::ObjectFile::createObjectFile(path);
    if (!binary) {
      std::fprintf(stderr, "orch manifest: %s: %s\n", path.c_str(), llvm::toString(binary.takeError()).c_str());
      status = 1;
      continue;
    }
    std::set<std::string> seen;  // inline functions appear once per unit
    for (const auto &section : binary->getBinary()->sections()) {
      auto name = section.getName();
      if (!name || *name != "orch_manifest") {
        if (!name) llvm::consumeError(name.takeError());
        continue;
      }
      auto contents = section.getContents();
      if (!contents) {
        llvm::consumeError(contents.takeError());
        continue;
      }
      llvm::StringRef rest = *contents;
      while (!rest.empty()) {
        auto [line, tail] = rest.split('\n');
        rest = tail;
        line = line.trim(llvm::StringRef("\0 \t", 3));
        if (!line.empty() && seen.insert(line.str()).second) std::printf("%s\n", line.str().c_str());
      }
    }
  }
  return status;
}

}  // namespace orch
