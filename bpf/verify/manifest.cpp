#include "verify/manifest.h"

#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/JSON.h>

#include <map>
#include <stdexcept>

#include "loader/elf_image.h"

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

ManifestFunction parse_line(const std::string &path, llvm::StringRef line) {
  llvm::Expected<llvm::json::Value> value = llvm::json::parse(line);
  if (!value)
    throw std::runtime_error(path + ": orch_manifest: " + llvm::toString(value.takeError()) + " in: " + line.str());
  const llvm::json::Object *object = value->getAsObject();
  auto name = object ? object->getString("function") : std::nullopt;
  auto file = object ? object->getString("file") : std::nullopt;
  auto line_number = object ? object->getInteger("line") : std::nullopt;
  const llvm::json::Array *symbols = object ? object->getArray("symbols") : nullptr;
  if (!name || !file || !line_number || !symbols)
    throw std::runtime_error(path + ": orch_manifest: a line lacks function, symbols, file or line: " + line.str());
  ManifestFunction function;
  function.name = name->str();
  function.file = file->str();
  function.line = static_cast<unsigned>(*line_number);
  function.kind = object->getString("kind").value_or("").str();
  function.aspect = object->getString("aspect").value_or("").str();
  for (const llvm::json::Value &symbol : *symbols)
    if (auto text = symbol.getAsString())
      function.symbols.push_back(text->str());
  return function;
}

} // namespace

std::vector<ManifestFunction> read_manifest(const std::string &program) {
  std::vector<ManifestFunction> functions;
  // Inline functions and templates are recorded by every unit that emits
  // them: one function per source position, with the union of their symbols.
  std::map<std::pair<std::string, unsigned>, size_t> index;
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
      ManifestFunction function = parse_line(image->path(), line);
      auto [at, added] = index.try_emplace({function.file, function.line}, functions.size());
      if (added) {
        functions.push_back(std::move(function));
        continue;
      }
      std::vector<std::string> &symbols = functions[at->second].symbols;
      for (std::string &symbol : function.symbols)
        if (std::find(symbols.begin(), symbols.end(), symbol) == symbols.end())
          symbols.push_back(std::move(symbol));
    }
  }
  return functions;
}

} // namespace orch::verify
