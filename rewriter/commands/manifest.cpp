// `orch manifest FILE...`: the instrumented functions and call sites recorded
// in linked programs, shared libraries, objects or static archives (ELF
// section `orch_manifest`), one JSON line each, merged (see ManifestSet).
#include <llvm/Object/Archive.h>
#include <llvm/Object/ObjectFile.h>

#include <cstdio>

#include "commands/commands.h"
#include "manifest/manifest_entry.h"

namespace orch {
namespace {

bool read_object(const llvm::object::ObjectFile &object, const std::string &path, ManifestSet &manifest) {
  bool ok = true;
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
      if (line.empty()) continue;
      std::string error;
      if (auto entry = parse_manifest_line(line.str(), error)) {
        manifest.add(std::move(*entry));
      } else {
        std::fprintf(stderr, "orch manifest: %s: a line this version cannot read (%s): %s\n", path.c_str(),
                     error.c_str(), line.str().c_str());
        ok = false;
      }
    }
  }
  return ok;
}

bool read_binary(const std::string &path, ManifestSet &manifest) {
  auto owner = llvm::object::createBinary(path);
  if (!owner) {
    std::fprintf(stderr, "orch manifest: %s: %s\n", path.c_str(), llvm::toString(owner.takeError()).c_str());
    return false;
  }
  llvm::object::Binary *binary = owner->getBinary();
  if (auto *object = llvm::dyn_cast<llvm::object::ObjectFile>(binary)) {
    return read_object(*object, path, manifest);
  }
  auto *archive = llvm::dyn_cast<llvm::object::Archive>(binary);
  if (!archive) {
    std::fprintf(stderr, "orch manifest: %s: not an object file or archive\n", path.c_str());
    return false;
  }
  bool ok = true;
  llvm::Error error = llvm::Error::success();
  for (const auto &child : archive->children(error)) {
    auto member = child.getAsBinary();
    if (!member) {
      llvm::consumeError(member.takeError());
      continue;
    }
    if (auto *object = llvm::dyn_cast<llvm::object::ObjectFile>(member->get()))
      ok = read_object(*object, path, manifest) && ok;
  }
  if (error) {
    std::fprintf(stderr, "orch manifest: %s: %s\n", path.c_str(), llvm::toString(std::move(error)).c_str());
    return false;
  }
  return ok;
}

}  // namespace

int command_manifest(const std::vector<std::string> &args) {
  if (args.empty()) {
    std::fprintf(stderr, "usage: orch manifest FILE...\n");
    return 2;
  }
  int status = 0;
  ManifestSet manifest;
  for (const auto &path : args)
    if (!read_binary(path, manifest)) status = 1;
  for (const ManifestEntry &entry : manifest.entries()) std::printf("%s\n", entry.to_json().c_str());
  return status;
}

}  // namespace orch
