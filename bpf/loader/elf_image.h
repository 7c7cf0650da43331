// One ELF file (program or shared library) as the probes see it: function
// symbols, their file offsets (what a uprobe is attached at), their code bytes,
// and the libraries it needs.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace orch::bpf {

struct FunctionSymbol {
  std::string name;
  uint64_t address = 0;      // virtual address in the file's own address space
  uint64_t size = 0;
  uint64_t file_offset = 0;  // where a uprobe on `address` is attached
};

class ElfImage {
public:
  // Throws std::runtime_error naming the file when it is not a readable x86-64 ELF file.
  explicit ElfImage(const std::string &path);
  ~ElfImage();
  ElfImage(const ElfImage &) = delete;
  ElfImage &operator=(const ElfImage &) = delete;

  const std::string &path() const { return path_; }
  // A defined function symbol (.symtab first, then .dynsym).
  std::optional<FunctionSymbol> function(const std::string &name) const;
  // GCC's clones of the function `name`: name.isra.N, name.constprop.N,
  // name.part.N and their combinations, not their .cold parts (those belong
  // to the code they were split from).
  std::vector<FunctionSymbol> clones(const std::string &name) const;
  // A function symbol starting at `address` (any one of its aliases).
  std::optional<FunctionSymbol> function_at(uint64_t address) const;
  // Where the byte at `address` is stored in the file (what uprobes are attached at).
  std::optional<uint64_t> file_offset(uint64_t address) const;
  // The virtual address of the byte stored at `offset` of the file (a loaded segment's).
  std::optional<uint64_t> address_at(uint64_t offset) const;
  // The bytes of [address, address + size) as stored in the file.
  std::vector<uint8_t> code(uint64_t address, uint64_t size) const;
  // DT_NEEDED names, and the directories DT_RUNPATH/DT_RPATH name ($ORIGIN expanded).
  std::vector<std::string> needed() const;
  std::vector<std::string> search_dirs() const;

private:
  struct Impl;
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

// The program and, breadth first, every library it needs that can be found
// (RUNPATH/RPATH, LD_LIBRARY_PATH, the system library directories).
class ElfImageSet {
public:
  explicit ElfImageSet(const std::string &program);
  // The first image defining `symbol`, and the symbol.
  std::optional<std::pair<const ElfImage *, FunctionSymbol>> find(const std::string &symbol) const;
  // Every image defining `symbol` (an inline function has a copy in each
  // shared object that uses it), and the symbol.
  std::vector<std::pair<const ElfImage *, FunctionSymbol>> find_all(const std::string &symbol) const;
  const std::vector<std::unique_ptr<ElfImage>> &images() const { return images_; }

private:
  std::vector<std::unique_ptr<ElfImage>> images_;
};

} // namespace orch::bpf
