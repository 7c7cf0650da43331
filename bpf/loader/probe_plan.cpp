#include "loader/probe_plan.h"

#include <functional>
#include <set>

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

// The request's symbols found in the images, each body once: GCC emits
// complete and base constructors (C1/C2, D1/D2) as aliases of one body, and
// probing both would count every call twice. `exits` adds each symbol's exits.
PlannedFunction plan_one(const ElfImageSet &images, const FunctionRequest &request,
                         const std::function<void(const ElfImage &, const FunctionSymbol &, ProbedSymbol &)> &exits) {
  PlannedFunction planned{request.name, {}};
  std::set<std::pair<std::string, uint64_t>> entries; // (file, offset) already probed
  for (const std::string &name : request.symbols) {
    auto found = images.find(name);
    if (!found)
      continue;
    auto &[image, function] = *found;
    if (!entries.emplace(image->path(), function.file_offset).second)
      continue;
    ProbedSymbol probed{name, image->path(), function.file_offset, {}};
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
    plan.functions.push_back(
        plan_one(images, request, [&](const ElfImage &image, const FunctionSymbol &function, ProbedSymbol &probed) {
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
    planned.push_back(plan_one(images, request, [](const ElfImage &, const FunctionSymbol &, ProbedSymbol &) {}));
  return planned;
}

} // namespace orch::bpf
