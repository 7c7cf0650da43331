#include "loader/probe_plan.h"

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

} // namespace

size_t ProbePlan::probe_count() const {
  size_t count = 0;
  for (const PlannedFunction &function : functions)
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
    PlannedFunction planned{request.name, {}};
    std::set<std::pair<std::string, uint64_t>> entries; // (file, offset) already probed
    for (const std::string &name : request.symbols) {
      auto found = images.find(name);
      if (!found)
        continue;
      auto &[image, function] = *found;
      // GCC emits complete and base constructors (C1/C2, D1/D2) as aliases of
      // one body: probing both would count every call twice.
      if (!entries.emplace(image->path(), function.file_offset).second)
        continue;
      std::vector<CodePart> parts = code_parts(*image, function);
      ProbedSymbol probed{name, image->path(), function.file_offset, {}};
      for (const ExitInstruction &exit : finder.find(parts))
        if (auto offset = image->file_offset(exit.address))
          probed.exits.push_back({*offset, site_for(func, exit, parts)});
      planned.symbols.push_back(std::move(probed));
    }
    plan.functions.push_back(std::move(planned));
  }
  return plan;
}

} // namespace orch::bpf
