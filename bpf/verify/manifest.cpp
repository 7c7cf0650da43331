#include "verify/manifest.h"

#include <llvm/Object/ObjectFile.h>

#include <stdexcept>

#include "loader/elf_image.h"
#include "manifest/manifest_entry.h"

namespace orch::verify {

namespace {

// The section's text: NUL-padded JSON lines (one string literal per unit).
std::string manifest_text(const std::string &path) {
  auto owner = llvm::object::ObjectFile::createObjectFile(path);
  if (!owner)
    throw std::runtime_error(path + ": " + llvm::toString(owner.takeError()));
  std::string text;
  for (const llvm::object::SectionRef &section : owner->getBinary()->sections()) {
    llvm::Expected<llvm::StringRef> name = section.getName();
    if (!name) {
      llvm::consumeError(name.takeError());
      continue;
    }
    if (*name != "orch_manifest")
      continue;
    llvm::Expected<llvm::StringRef> contents = section.getContents();
    if (!contents)
      throw std::runtime_error(path + ": orch_manifest: " + llvm::toString(contents.takeError()));
    text += contents->str() + "\n";
  }
  return text;
}

} // namespace

Manifest read_manifest(const std::string &program) {
  ManifestSet set;
  bpf::ElfImageSet images(program);
  for (const auto &image : images.images()) {
    std::string text = manifest_text(image->path());
    llvm::StringRef rest(text);
    while (!rest.empty()) {
      auto [line, tail] = rest.split('\n');
      rest = tail;
      line = line.trim(llvm::StringRef("\0 \t\r", 4));
      if (line.empty())
        continue;
      std::string error;
      std::optional<ManifestEntry> entry = parse_manifest_line(line.str(), error);
      if (!entry)
        throw std::runtime_error(image->path() + ": orch_manifest: " + error + " in: " + line.str());
      set.add(std::move(*entry));
    }
  }
  Manifest manifest;
  for (const ManifestEntry &e : set.entries())
    if (e.is_call)
      manifest.calls.push_back({e.function, e.symbols, e.caller, e.file, e.line, e.column, e.aspect, e.spans, e.metrics});
    else
      manifest.functions.push_back({e.function, e.symbols, e.file, e.line, e.kind, e.aspect, e.spans, e.metrics});
  return manifest;
}

} // namespace orch::verify
