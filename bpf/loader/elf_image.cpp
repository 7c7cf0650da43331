#include "loader/elf_image.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Support/MemoryBuffer.h>

namespace orch::bpf {

namespace {
using Elf = llvm::object::ELF64LEObjectFile;

std::string error_text(llvm::Error err) { return llvm::toString(std::move(err)); }

// "a:b::c" -> {"a", "b", "c"}
std::vector<std::string> split_path_list(const std::string &list) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(':', start);
    if (end == std::string::npos)
      end = list.size();
    if (end > start)
      parts.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}
} // namespace

struct ElfImage::Impl {
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  std::unique_ptr<Elf> object;
  // Built on first lookup: libc alone has thousands of symbols we rarely need.
  mutable std::optional<std::unordered_map<std::string, FunctionSymbol>> functions;
  mutable std::unordered_map<std::string, std::vector<std::string>> clones; // by the cloned function's name

  std::optional<uint64_t> file_offset(uint64_t address) const {
    auto headers = object->getELFFile().program_headers();
    if (!headers)
      return std::nullopt;
    for (const auto &ph : *headers)
      if (ph.p_type == llvm::ELF::PT_LOAD && address >= ph.p_vaddr && address < ph.p_vaddr + ph.p_filesz)
        return address - ph.p_vaddr + ph.p_offset;
    return std::nullopt;
  }

  std::optional<uint64_t> address_at(uint64_t offset) const {
    auto headers = object->getELFFile().program_headers();
    if (!headers)
      return std::nullopt;
    for (const auto &ph : *headers)
      if (ph.p_type == llvm::ELF::PT_LOAD && offset >= ph.p_offset && offset < ph.p_offset + ph.p_filesz)
        return offset - ph.p_offset + ph.p_vaddr;
    return std::nullopt;
  }

  void add_symbols(llvm::object::ELFObjectFileBase::elf_symbol_iterator_range symbols) const {
    for (const llvm::object::ELFSymbolRef &symbol : symbols) {
      uint8_t type = symbol.getELFType();
      if (type != llvm::ELF::STT_FUNC && type != llvm::ELF::STT_GNU_IFUNC)
        continue;
      auto name = symbol.getName();
      auto address = symbol.getValue();
      auto section = symbol.getSection();
      if (!name || !address || !section || *section == object->section_end() || !*address) {
        if (!name) llvm::consumeError(name.takeError());
        if (!address) llvm::consumeError(address.takeError());
        if (!section) llvm::consumeError(section.takeError());
        continue;
      }
      auto offset = file_offset(*address);
      if (!offset || functions->count(name->str()))
        continue;
      (*functions)[name->str()] = FunctionSymbol{name->str(), *address, symbol.getSize(), *offset};
    }
  }

  void index() const {
    if (functions)
      return;
    functions.emplace();
    add_symbols(static_cast<const llvm::object::ELFObjectFileBase &>(*object).symbols());
    add_symbols(object->getDynamicSymbolIterators());
    for (const auto &[name, symbol] : *functions) {
      if (llvm::StringRef(name).ends_with(".cold"))
        continue;
      size_t suffix = std::string::npos;
      for (const char *kind : {".isra.", ".constprop.", ".part."})
        suffix = std::min(suffix, name.find(kind));
      if (suffix != std::string::npos && suffix > 0)
        clones[name.substr(0, suffix)].push_back(name);
    }
  }

  // The string DT_NEEDED/DT_RUNPATH entries point at, in .dynstr.
  std::vector<std::pair<uint64_t, std::string>> dynamic_strings() const {
    std::vector<std::pair<uint64_t, std::string>> result;
    const auto &elf = object->getELFFile();
    auto entries = elf.dynamicEntries();
    if (!entries) {
      llvm::consumeError(entries.takeError());
      return result;
    }
    uint64_t strtab_address = 0;
    for (const auto &entry : *entries)
      if (entry.d_tag == llvm::ELF::DT_STRTAB)
        strtab_address = entry.getVal();
    auto strtab = elf.toMappedAddr(strtab_address);
    if (!strtab_address || !strtab) {
      if (!strtab) llvm::consumeError(strtab.takeError());
      return result;
    }
    for (const auto &entry : *entries) {
      auto tag = entry.d_tag;
      if (tag == llvm::ELF::DT_NEEDED || tag == llvm::ELF::DT_RUNPATH || tag == llvm::ELF::DT_RPATH)
        result.emplace_back(tag, reinterpret_cast<const char *>(*strtab) + entry.getVal());
    }
    return result;
  }
};

ElfImage::ElfImage(const std::string &path) : path_(path), impl_(std::make_unique<Impl>()) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer)
    throw std::runtime_error(path + ": " + buffer.getError().message());
  impl_->buffer = std::move(*buffer);
  auto object = Elf::create(impl_->buffer->getMemBufferRef());
  if (!object)
    throw std::runtime_error(path + ": not an x86-64 ELF file: " + error_text(object.takeError()));
  impl_->object = std::make_unique<Elf>(std::move(*object));
  if (impl_->object->getELFFile().getHeader().e_machine != llvm::ELF::EM_X86_64)
    throw std::runtime_error(path + ": not an x86-64 ELF file");
}

ElfImage::~ElfImage() = default;

std::optional<uint64_t> ElfImage::file_offset(uint64_t address) const { return impl_->file_offset(address); }

std::optional<uint64_t> ElfImage::address_at(uint64_t offset) const { return impl_->address_at(offset); }

std::optional<FunctionSymbol> ElfImage::function(const std::string &name) const {
  impl_->index();
  auto it = impl_->functions->find(name);
  if (it == impl_->functions->end())
    return std::nullopt;
  return it->second;
}

std::vector<FunctionSymbol> ElfImage::clones(const std::string &name) const {
  impl_->index();
  std::vector<FunctionSymbol> result;
  if (auto it = impl_->clones.find(name); it != impl_->clones.end())
    for (const std::string &clone : it->second)
      result.push_back(impl_->functions->at(clone));
  return result;
}

std::optional<FunctionSymbol> ElfImage::function_at(uint64_t address) const {
  impl_->index();
  for (const auto &[name, symbol] : *impl_->functions)
    if (symbol.address == address)
      return symbol;
  return std::nullopt;
}

std::vector<uint8_t> ElfImage::code(uint64_t address, uint64_t size) const {
  auto offset = impl_->file_offset(address);
  llvm::StringRef data = impl_->buffer->getBuffer();
  if (!offset || *offset + size > data.size())
    return {};
  return std::vector<uint8_t>(data.begin() + *offset, data.begin() + *offset + size);
}

std::vector<std::string> ElfImage::needed() const {
  std::vector<std::string> names;
  for (auto &[tag, text] : impl_->dynamic_strings())
    if (tag == llvm::ELF::DT_NEEDED)
      names.push_back(text);
  return names;
}

std::vector<std::string> ElfImage::search_dirs() const {
  std::string origin = std::filesystem::absolute(path_).parent_path().string();
  std::vector<std::string> dirs;
  for (auto &[tag, text] : impl_->dynamic_strings()) {
    if (tag == llvm::ELF::DT_NEEDED)
      continue;
    for (std::string dir : split_path_list(text)) {
      for (const std::string token : {"$ORIGIN", "${ORIGIN}"})
        for (size_t at; (at = dir.find(token)) != std::string::npos;)
          dir.replace(at, token.size(), origin);
      dirs.push_back(dir);
    }
  }
  return dirs;
}

ElfImageSet::ElfImageSet(const std::string &program) {
  images_.push_back(std::make_unique<ElfImage>(program));
  std::vector<std::string> system_dirs;
  if (const char *env = std::getenv("LD_LIBRARY_PATH"))
    system_dirs = split_path_list(env);
  for (const char *dir : {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/lib", "/usr/lib"})
    system_dirs.push_back(dir);

  std::set<std::string> seen;
  for (size_t i = 0; i < images_.size(); i++) {
    std::vector<std::string> dirs = images_[i]->search_dirs();
    dirs.insert(dirs.end(), system_dirs.begin(), system_dirs.end());
    for (const std::string &name : images_[i]->needed()) {
      if (!seen.insert(name).second)
        continue;
      for (const std::string &dir : dirs) {
        std::filesystem::path candidate = std::filesystem::path(dir) / name;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(candidate, ec))
          continue;
        try {
          images_.push_back(std::make_unique<ElfImage>(candidate.string()));
          break;
        } catch (const std::runtime_error &) {
          continue; // another architecture's copy: keep looking
        }
      }
    }
  }
}

std::optional<std::pair<const ElfImage *, FunctionSymbol>> ElfImageSet::find(const std::string &symbol) const {
  for (const auto &image : images_)
    if (auto found = image->function(symbol))
      return std::make_pair(image.get(), *found);
  return std::nullopt;
}

std::vector<std::pair<const ElfImage *, FunctionSymbol>> ElfImageSet::find_all(const std::string &symbol) const {
  std::vector<std::pair<const ElfImage *, FunctionSymbol>> found;
  for (const auto &image : images_)
    if (auto function = image->function(symbol))
      found.emplace_back(image.get(), *function);
  return found;
}

} // namespace orch::bpf
