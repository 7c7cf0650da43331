#include "loader/probe_plan.h"

#include <functional>
#include <set>

#include "loader/structor_variants.h"

namespace orch::bpf {

namespace {

// GCC moves the unlikely part of a function into a separate `<symbol>.cold`
// local symbol; it belongs to the same frame.
std::vector<CodePart> code_parts(const ElfImage &image, const FunctionSymbol &function) {
  std::vector<CodePart> parts{{function.address, image.code(function.address, function.size)}};
  if (auto cold = image.function(function.name + ".cold"))
    parts.push_back({cold->address, image.code(cold->address, cold->size)});
  return parts;
}

fs_exit_site site_for(uint32_t func, const ExitInstruction &exit, const std::vector<CodePart> &parts) {
  fs_exit_site site{};
  site.func = func;
  site.kind = exit.kind;
  site.cond = exit.cond;
  site.reg = exit.reg;
  for (size_t i = 0; i < parts.size() && i < 2; i++) {
    site.range_start[i] = static_cast<int64_t>(parts[i].address - exit.address);
    site.range_len[i] = parts[i].bytes.size();
  }
  return site;
}

using Copy = std::pair<const ElfImage *, FunctionSymbol>;

// The request's symbols found in the images (the first that defines each).
std::vector<Copy> named_copies(const ElfImageSet &images, const FunctionRequest &request) {
  std::vector<Copy> copies;
  for (const std::string &name : request.symbols)
    if (auto found = images.find(name))
      copies.push_back(*found);
  return copies;
}

// Every copy of an instrumented function's body: its symbols and their
// constructor/destructor variants in every image that defines them, and
// GCC's clones of each. A copy that calls or jumps to another copy (a
// deleting destructor calling D1, a function calling its .part clone) is a
// wrapper: the other copy's probes see the call, so it is left out.
std::vector<Copy> all_copies(const ElfImageSet &images, const FunctionRequest &request, const ExitFinder &finder) {
  std::vector<Copy> copies;
  std::set<std::pair<const ElfImage *, std::string>> seen;
  auto add = [&](const ElfImage *image, const FunctionSymbol &symbol) {
    if (seen.emplace(image, symbol.name).second)
      copies.emplace_back(image, symbol);
  };
  for (const std::string &requested : request.symbols) {
    std::vector<std::string> names = structor_variants(requested);
    names.insert(names.begin(), requested);
    for (const std::string &name : names)
      for (const auto &[image, symbol] : images.find_all(name)) {
        add(image, symbol);
        for (const FunctionSymbol &clone : image->clones(name))
          add(image, clone);
      }
  }
  std::vector<Copy> bodies;
  for (const auto &[image, symbol] : copies) {
    bool wrapper = false;
    for (uint64_t target : finder.direct_targets(code_parts(*image, symbol)))
      for (const auto &[other_image, other] : copies)
        wrapper |= other_image == image && other.address == target && other.address != symbol.address;
    if (!wrapper)
      bodies.emplace_back(image, symbol);
  }
  return bodies;
}

// Each body once: GCC emits complete and base constructors (C1/C2, D1/D2) as
// aliases of one body, and probing both would count every call twice.
// `exits` adds each symbol's exits.
PlannedFunction plan_one(const std::string &name, const std::vector<Copy> &copies,
                         const std::function<void(const ElfImage &, const FunctionSymbol &, ProbedSymbol &)> &exits) {
  PlannedFunction planned{name, {}};
  std::set<std::pair<std::string, uint64_t>> entries; // (file, offset) already probed
  for (const auto &[image, function] : copies) {
    if (!entries.emplace(image->path(), function.file_offset).second)
      continue;
    ProbedSymbol probed{function.name, image->path(), function.file_offset, {}};
    exits(*image, function, probed);
    planned.symbols.push_back(std::move(probed));
  }
  return planned;
}

} // namespace

size_t ProbePlan::probe_count() const {
  size_t count = 0;
  for (const auto *list : {&functions, &callees})
    for (const PlannedFunction &function : *list)
      for (const ProbedSymbol &symbol : function.symbols)
        count += 1 + symbol.exits.size();
  return count;
}

size_t ProbePlan::exit_site_count() const {
  size_t count = 0;
  for (const PlannedFunction &function : functions)
    for (const ProbedSymbol &symbol : function.symbols)
      count += symbol.exits.size();
  return count;
}

ProbePlan plan_probes(const ElfImageSet &images, const std::vector<FunctionRequest> &requests,
                      const ExitFinder &finder) {
  ProbePlan plan;
  for (const FunctionRequest &request : requests) {
    uint32_t func = static_cast<uint32_t>(plan.functions.size());
    plan.functions.push_back(plan_one(
        request.name, all_copies(images, request, finder),
        [&](const ElfImage &image, const FunctionSymbol &function, ProbedSymbol &probed) {
          std::vector<CodePart> parts = code_parts(image, function);
          for (const ExitInstruction &exit : finder.find(parts))
            if (auto offset = image.file_offset(exit.address))
              probed.exits.push_back({*offset, site_for(func, exit, parts)});
        }));
  }
  return plan;
}

std::vector<PlannedFunction> plan_callee_entries(const ElfImageSet &images, const std::vector<FunctionRequest> &callees) {
  std::vector<PlannedFunction> planned;
  for (const FunctionRequest &request : callees)
    planned.push_back(plan_one(request.name, named_copies(images, request),
                               [](const ElfImage &, const FunctionSymbol &, ProbedSymbol &) {}));
  return planned;
}

} // namespace orch::bpf
