// `orch manifest FILE...`: the instrumented functions recorded in linked
// programs, shared libraries, objects or static archives (ELF section
// `orch_manifest`), one JSON line each. Every unit that compiles a header's
// function records it: those entries are merged into one, with the symbols of
// all of them (a template's instantiations differ from unit to unit).
#include <llvm/Object/Archive.h>
#include <llvm/Object/ObjectFile.h>

#include <llvm/Support/JSON.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "commands/commands.h"
#include "weave/edits.h"

namespace orch {
namespace {

// The manifest entries, merged, in the order first seen.
class Manifest {
public:
  void add(llvm::StringRef line) {
    llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(line);
    const llvm::json::Object *o = parsed ? parsed->getAsObject() : nullptr;
    if (!parsed) llvm::consumeError(parsed.takeError());
    const llvm::json::Array *symbols = o ? o->getArray("symbols") : nullptr;
    if (!symbols) {  // not written by this version of orch: kept as it is
      entry(line.str()).text = line.str();
      return;
    }
    std::string head = "{\"function\":" + json_string(o->getString("function").value_or(""));
    std::string tail = ",\"file\":" + json_string(o->getString("file").value_or("")) +
                       ",\"line\":" + std::to_string(o->getInteger("line").value_or(0)) +
                       ",\"kind\":" + json_string(o->getString("kind").value_or("")) +
                       ",\"aspect\":" + json_string(o->getString("aspect").value_or("")) + "}";
    Entry &e = entry(head + tail);
    e.head = head;
    e.tail = tail;
    for (const llvm::json::Value &v : *symbols)
      if (auto sym = v.getAsString(); sym && std::find(e.symbols.begin(), e.symbols.end(), *sym) == e.symbols.end())
        e.symbols.push_back(sym->str());
  }
  void print() const {
    for (const Entry &e : entries_) {
      if (!e.text.empty()) {
        std::printf("%s\n", e.text.c_str());
        continue;
      }
      std::string symbols;
      for (const auto &sym : e.symbols) symbols += (symbols.empty() ? "" : ",") + json_string(sym);
      std::printf("%s,\"symbols\":[%s]%s\n", e.head.c_str(), symbols.c_str(), e.tail.c_str());
    }
  }

private:
  struct Entry {
    std::string text;  // when not parsed
    std::string head, tail;
    std::vector<std::string> symbols;
  };
  Entry &entry(const std::string &key) {
    auto [it, inserted] = index_.emplace(key, entries_.size());
    if (inserted) entries_.emplace_back();
    return entries_[it->second];
  }
  std::map<std::string, size_t> index_;
  std::vector<Entry> entries_;
};

void read_object(const llvm::object::ObjectFile &object, Manifest &manifest) {
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
      if (!line.empty()) manifest.add(line);
    }
  }
}

bool read_binary(const std::string &path, Manifest &manifest) {
  auto owner = llvm::object::createBinary(path);
  if (!owner) {
    std::fprintf(stderr, "orch manifest: %s: %s\n", path.c_str(), llvm::toString(owner.takeError()).c_str());
    return false;
  }
  llvm::object::Binary *binary = owner->getBinary();
  if (auto *object = llvm::dyn_cast<llvm::object::ObjectFile>(binary)) {
    read_object(*object, manifest);
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
    if (auto *object = llvm::dyn_cast<llvm::object::ObjectFile>(member->get())) read_object(*object, manifest);
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
  Manifest manifest;
  for (const auto &path : args)
    if (!read_binary(path, manifest)) status = 1;
  manifest.print();
  return status;
}

}  // namespace orch
