#include "verify/call_places.h"

#include <sys/stat.h>

#include "verify/source_path.h"

namespace orch::verify {

ReturnPlaces::ReturnPlaces(const bpf::ElfImageSet &images) {
  for (const auto &image : images.images()) {
    by_path_.emplace(image->path(), image.get());
    struct stat info {};
    if (stat(image->path().c_str(), &info) == 0)
      by_inode_.emplace(info.st_ino, image.get());
  }
}

ReturnPlaces::~ReturnPlaces() = default;

std::map<uint64_t, SourcePlace> ReturnPlaces::place(const ProbedCallers &run) {
  // Load biases (run-time address - file address) of the files the run shows.
  std::map<const bpf::ElfImage *, uint64_t> bias;
  for (const auto &[address, placed] : run.placed)
    if (auto image = by_inode_.find(placed.inode); image != by_inode_.end())
      if (std::optional<uint64_t> at = image->second->address_at(placed.offset))
        bias.emplace(image->second, address - *at);
  for (const bpf::CalleeAddress &callee : run.callees)
    if (auto image = by_path_.find(callee.image); image != by_path_.end())
      if (std::optional<uint64_t> at = image->second->address_at(callee.entry_offset))
        bias.emplace(image->second, callee.address - *at);

  std::map<uint64_t, SourcePlace> places;
  for (const bpf::CallerEntries &entry : run.entries) {
    uint64_t address = entry.return_address;
    if (places.count(address))
      continue;
    // Only the file that holds it can hold it at its bias: loaded files do not overlap.
    for (const auto &[image, file_bias] : bias)
      if (image->file_offset(address - file_bias))
        if (std::optional<SourcePlace> place = source_place(*image, address - file_bias)) {
          places.emplace(address, *place);
          break;
        }
  }
  return places;
}

std::optional<SourcePlace> ReturnPlaces::source_place(const bpf::ElfImage &image, uint64_t address) {
  auto loaded = dwarf_.find(&image);
  if (loaded == dwarf_.end()) {
    auto object = llvm::object::ObjectFile::createObjectFile(image.path());
    if (!object) {
      llvm::consumeError(object.takeError());
      return std::nullopt;
    }
    std::unique_ptr<llvm::DWARFContext> context = llvm::DWARFContext::create(*object->getBinary());
    loaded = dwarf_.emplace(&image, Dwarf{std::move(*object), std::move(context)}).first;
  }
  llvm::DIInliningInfo frames = loaded->second.context->getInliningInfoForAddress(
      {address - 1, llvm::object::SectionedAddress::UndefSection},
      llvm::DILineInfoSpecifier(llvm::DILineInfoSpecifier::FileLineInfoKind::AbsoluteFilePath));
  if (frames.getNumberOfFrames() == 0 || frames.getFrame(0).Line == 0)
    return std::nullopt;
  const llvm::DILineInfo &innermost = frames.getFrame(0);
  return SourcePlace{innermost.FileName, innermost.Line, innermost.Column};
}

CallProbeTally tally_call_probes(const std::vector<ManifestCall> &calls, const std::vector<uint32_t> &callee_of,
                                 const std::vector<bpf::CallerEntries> &entries,
                                 const std::map<uint64_t, SourcePlace> &places) {
  CallProbeTally tally;
  tally.calls.assign(calls.size(), 0);
  tally.callee_calls.assign(calls.size(), 0);
  for (const bpf::CallerEntries &entry : entries) {
    auto place = places.find(entry.return_address);
    if (place == places.end())
      tally.unplaced += entry.entries;
    std::optional<size_t> site;
    for (size_t c = 0; c < calls.size(); c++) {
      if (callee_of[c] != entry.callee)
        continue;
      tally.callee_calls[c] += entry.entries;
      if (place == places.end() || calls[c].line != place->second.line ||
          comparable_path(calls[c].file) != comparable_path(place->second.file))
        continue;
      unsigned column = place->second.column;
      if (!site || (calls[c].column <= column && (calls[*site].column > column || calls[c].column > calls[*site].column)))
        site = c;
    }
    if (site)
      tally.calls[*site] += entry.entries;
  }
  return tally;
}

} // namespace orch::verify
