#include "verify/debug_info.h"

#include <llvm/DebugInfo/DWARF/DWARFContext.h>
#include <llvm/Object/ObjectFile.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "verify/source_path.h"

namespace orch::verify {

namespace {

namespace fs = std::filesystem;

class FunctionIndex {
public:
  explicit FunctionIndex(const std::vector<ManifestFunction> &functions) {
    for (size_t i = 0; i < functions.size(); i++) {
      for (const std::string &symbol : functions[i].symbols)
        by_symbol_.emplace(symbol, i);
      by_position_.emplace(std::pair(comparable_path(functions[i].file), functions[i].line), i);
      by_position_.emplace(std::pair(fs::path(functions[i].file).filename().string(), functions[i].line), i);
    }
  }

  std::optional<size_t> by_symbol(const llvm::DWARFDie &die) const {
    if (const char *name = symbol_of(die))
      if (auto at = by_symbol_.find(name); at != by_symbol_.end())
        return at->second;
    return std::nullopt;
  }

  std::optional<size_t> by_declaration(const llvm::DWARFDie &die) const {
    llvm::DWARFDie declared = declaration_of(die);
    unsigned line = static_cast<unsigned>(declared.getDeclLine());
    if (!line)
      return std::nullopt;
    std::string file = declared_file(declared);
    for (const std::string &key : {comparable_path(file), fs::path(file).filename().string()})
      if (auto at = by_position_.find({key, line}); at != by_position_.end())
        return at->second;
    return std::nullopt;
  }

  std::optional<size_t> find(const llvm::DWARFDie &die) const {
    std::optional<size_t> found = by_symbol(die);
    return found ? found : by_declaration(die);
  }

  // The linkage name (following specification and abstract origin), or the
  // name for C functions.
  static const char *symbol_of(const llvm::DWARFDie &die) {
    const char *name = die.getLinkageName();
    return name ? name : die.getShortName();
  }

private:
  // The file of the function's declaration: from the first entry that has a
  // DW_AT_decl_file, through abstract origin and specification (GCC leaves it
  // out of a definition in the file of its declaration). LLVM 19's
  // getDeclFile gives nothing for a DW_FORM_implicit_const index (GCC's
  // abbreviation for a namespace's static functions): the index is then
  // looked up in the unit's line table.
  static std::string declared_file(const llvm::DWARFDie &die) {
    constexpr auto kind = llvm::DILineInfoSpecifier::FileLineInfoKind::AbsoluteFilePath;
    llvm::DWARFDie holder = die;
    for (int depth = 0; holder && !holder.find(llvm::dwarf::DW_AT_decl_file) && depth < 4; depth++) {
      llvm::DWARFDie next = holder.getAttributeValueAsReferencedDie(llvm::dwarf::DW_AT_abstract_origin);
      holder = next ? next : holder.getAttributeValueAsReferencedDie(llvm::dwarf::DW_AT_specification);
    }
    if (!holder)
      return "";
    std::string file = holder.getDeclFile(kind);
    std::optional<uint64_t> index = llvm::dwarf::toUnsigned(holder.find(llvm::dwarf::DW_AT_decl_file));
    if (!file.empty() || !index)
      return file;
    llvm::DWARFUnit *unit = holder.getDwarfUnit();
    if (const llvm::DWARFDebugLine::LineTable *table = unit->getContext().getLineTableForUnit(unit))
      table->getFileNameByIndex(*index, unit->getCompilationDir(), kind, file);
    return file;
  }

  // Where the function is declared (its line is the first DW_AT_decl_line
  // through abstract origin and specification: the definition's). GCC gives
  // a lambda's operator() no position of its own: its closure type (the
  // parent) has the lambda's.
  static llvm::DWARFDie declaration_of(const llvm::DWARFDie &die) {
    if (die.getDeclLine())
      return die;
    llvm::DWARFDie origin = die;
    for (auto attribute : {llvm::dwarf::DW_AT_abstract_origin, llvm::dwarf::DW_AT_specification})
      if (llvm::DWARFDie next = origin.getAttributeValueAsReferencedDie(attribute))
        origin = next;
    llvm::DWARFDie parent = origin.getParent();
    bool in_closure = parent && (parent.getTag() == llvm::dwarf::DW_TAG_structure_type ||
                                 parent.getTag() == llvm::dwarf::DW_TAG_class_type) && !parent.getShortName();
    return in_closure ? parent : die;
  }

  std::map<std::string, size_t> by_symbol_;
  std::map<std::pair<std::string, unsigned>, size_t> by_position_;
};

// Call sites by their callee's symbols.
class CallIndex {
public:
  explicit CallIndex(const std::vector<ManifestCall> &calls) : calls_(calls) {
    for (size_t i = 0; i < calls.size(); i++)
      for (const std::string &symbol : calls[i].symbols)
        by_symbol_[symbol].push_back(i);
  }

  // The call sites an inlined copy of its callee stands for: same callee,
  // same file and line (the call's column is the compiler's own choice).
  std::vector<size_t> inlined_at(const llvm::DWARFDie &inlined, llvm::DWARFContext &dwarf) const {
    llvm::DWARFDie origin = inlined.getAttributeValueAsReferencedDie(llvm::dwarf::DW_AT_abstract_origin);
    const char *symbol = origin ? FunctionIndex::symbol_of(origin) : nullptr;
    auto candidates = symbol ? by_symbol_.find(symbol) : by_symbol_.end();
    if (candidates == by_symbol_.end())
      return {};
    uint32_t file_index = 0, line = 0, column = 0, discriminator = 0;
    inlined.getCallerFrame(file_index, line, column, discriminator);
    std::string file;
    const llvm::DWARFDebugLine::LineTable *table = dwarf.getLineTableForUnit(inlined.getDwarfUnit());
    if (!table || !table->getFileNameByIndex(file_index, inlined.getDwarfUnit()->getCompilationDir(),
                                             llvm::DILineInfoSpecifier::FileLineInfoKind::AbsoluteFilePath, file))
      return {};
    std::vector<size_t> at;
    for (size_t call : candidates->second)
      if (calls_[call].line == line && comparable_path(calls_[call].file) == comparable_path(file))
        at.push_back(call);
    return at;
  }

private:
  const std::vector<ManifestCall> &calls_;
  std::map<std::string, std::vector<size_t>> by_symbol_;
};

// An abstract instance root (DW_AT_inline) of a function the compiler inlined.
bool was_inlined(const llvm::DWARFDie &die) {
  std::optional<uint64_t> inline_kind = llvm::dwarf::toUnsigned(die.find(llvm::dwarf::DW_AT_inline));
  return inline_kind && (*inline_kind == llvm::dwarf::DW_INL_inlined ||
                         *inline_kind == llvm::dwarf::DW_INL_declared_inlined);
}

// Adds one file's facts; returns whether it has debug info.
bool read_file(const bpf::ElfImage &image, const FunctionIndex &index, const CallIndex &calls, DebugFacts &facts) {
  auto owner = llvm::object::ObjectFile::createObjectFile(image.path());
  if (!owner) {
    llvm::consumeError(owner.takeError());
    return false;
  }
  std::unique_ptr<llvm::DWARFContext> dwarf = llvm::DWARFContext::create(*owner->getBinary());
  bool has_units = false;
  for (const auto &unit : dwarf->compile_units()) {
    has_units = true;
    for (const llvm::DWARFDebugInfoEntry &entry : unit->dies()) {
      llvm::DWARFDie die(unit.get(), &entry);
      if (entry.getTag() == llvm::dwarf::DW_TAG_inlined_subroutine) {
        llvm::DWARFDie origin = die.getAttributeValueAsReferencedDie(llvm::dwarf::DW_AT_abstract_origin);
        if (std::optional<size_t> function = origin ? index.find(origin) : std::nullopt)
          facts.inlined_sites[*function]++;
        for (size_t call : calls.inlined_at(die, *dwarf))
          facts.inlined_calls[call] = true;
      } else if (entry.getTag() == llvm::dwarf::DW_TAG_subprogram && was_inlined(die)) {
        if (std::optional<size_t> function = index.find(die))
          facts.inlined_by_compiler[*function] = true;
      } else if (entry.getTag() == llvm::dwarf::DW_TAG_subprogram) {
        // An out-of-line copy with code: its symbol is the one at its address
        // (GCC gives templates and lambdas no DW_AT_linkage_name).
        std::optional<uint64_t> address = llvm::dwarf::toAddress(die.find(llvm::dwarf::DW_AT_low_pc));
        std::optional<size_t> function = address ? index.by_declaration(die) : std::nullopt;
        std::optional<bpf::FunctionSymbol> symbol = function ? image.function_at(*address) : std::nullopt;
        if (!symbol)
          continue;
        std::vector<std::string> &symbols = facts.defined_symbols[*function];
        if (std::find(symbols.begin(), symbols.end(), symbol->name) == symbols.end())
          symbols.push_back(symbol->name);
      }
    }
  }
  return has_units;
}

} // namespace

DebugFacts read_debug_facts(const bpf::ElfImageSet &images, const Manifest &manifest) {
  DebugFacts facts;
  const std::vector<ManifestFunction> &functions = manifest.functions;
  facts.inlined_sites.assign(functions.size(), 0);
  facts.defined_symbols.resize(functions.size());
  facts.inlined_by_compiler.assign(functions.size(), false);
  facts.inlined_calls.assign(manifest.calls.size(), false);
  FunctionIndex index(functions);
  CallIndex calls(manifest.calls);
  for (const auto &image : images.images())
    facts.any_debug_info |= read_file(*image, index, calls, facts);
  return facts;
}

} // namespace orch::verify
