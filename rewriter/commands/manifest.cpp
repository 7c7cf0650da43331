// `orch manifest FILE...`: the instrumented functions recorded in linked
// programs, shared libraries, objects or static archives (ELF section
// `orch_manifest`), one JSON line each.
#include <llvm/Object/Archive.h>
#include <llvm/Object/ObjectFile.h>

#include <cstdio>
#include <set>

#include "commands/commands.h"

namespace orch {
namespace {

// Prints the manifest lines of one object file not printed before.
void print_object(const llvm::object::ObjectFile &object, std::set<std::string> &seen) {
  for (const auto &section : object.sections()) {
    auto name = section.getName();
    if (!name) {
      llvm::consumeError(name.takeError());
      continue;
    }
    if (*name != "orch_manifest") continue;
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

bool print_binary(const std::string &path, std::set<std::string> &seen) {
  auto owner = llvm::object::createBinary(path);
  if (!owner) {
    std::fprintf(stderr, "orch manifest: %s: %s\n", path.c_str(), llvm::toString(owner.takeError()).c_str());
    return false;
  }
  llvm::object::Binary *binary = owner->getBinary();
  if (auto *object = llvm::dyn_cast<llvm::object::ObjectFile>(binary)) {
    print_object(*object, seen);
    return true;
  }
  auto *archive = llvm::dyn_cast<llvm::object::Archive>(binary);
  if (!archive) {
    std::fprintf(stderr, "orch manifest: %s: not an object file or archive\n", path.c_str());
    return false;
  }
  llvm::Error error = llvm::Error::success();
  for (const auto &child : archive->children(error)) {
    auto member = child.getAsBinary();
    if (!member) {
      llvm::consumeError(member.takeError());
      continue;
    }
    if (auto *object = llvm::dyn_cast<llvm::object::ObjectFile>(member->get())) print_object(*object, seen);
  }
  if (error) {
    std::fprintf(stderr, "orch manifest: %s: %s\n", path.c_str(), llvm::toString(std::move(error)).c_str());
    return false;
  }
  return true;
}

}  // namespace

int command_manifest(const std::vector<std::string> &args) {
  if (args.empty()) {
    std::fprintf(stderr, "usage: orch manifest FILE...\n");
    return 2;
  }
  int status = 0;
  std::set<std::string> seen;  // inline functions and templates appear once per unit
  for (const auto &path : args)
    if (!print_binary(path, seen)) status = 1;
  return status;
}

}  // namespace orch
