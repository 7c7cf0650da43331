#include "manifest/manifest_entry.h"

#include <llvm/Support/JSON.h>

#include <algorithm>

namespace orch {

// Written with OStream, not json::Object, to keep the documented key order
// (json::Object prints its keys sorted): people read these lines.
std::string ManifestEntry::to_json() const {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream j(os);
  j.object([&] {
    j.attribute(is_call ? "call" : "function", function);
    j.attributeArray("symbols", [&] {
      for (const auto &s : symbols) j.value(s);
    });
    if (is_call) j.attribute("caller", caller);
    j.attribute("file", file);
    j.attribute("line", line);
    if (is_call) j.attribute("column", column);
    j.attribute("kind", kind);
    j.attribute("aspect", aspect);
    if (!spans) j.attribute("spans", false);
    if (!metrics) j.attribute("metrics", false);
  });
  return os.str();
}

std::optional<ManifestEntry> parse_manifest_line(const std::string &line, std::string &error) {
  llvm::Expected<llvm::json::Value> value = llvm::json::parse(line);
  if (!value) {
    error = llvm::toString(value.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *o = value->getAsObject();
  ManifestEntry e;
  auto function = o ? o->getString("function") : std::nullopt;
  auto call = o ? o->getString("call") : std::nullopt;
  auto file = o ? o->getString("file") : std::nullopt;
  auto line_number = o ? o->getInteger("line") : std::nullopt;
  const llvm::json::Array *symbols = o ? o->getArray("symbols") : nullptr;
  if ((!function && !call) || !file || !line_number || !symbols) {
    error = "a line lacks function (or call), symbols, file or line";
    return std::nullopt;
  }
  e.is_call = call.has_value();
  e.function = (call ? *call : *function).str();
  e.file = file->str();
  e.line = static_cast<unsigned>(*line_number);
  e.column = static_cast<unsigned>(o->getInteger("column").value_or(0));
  e.caller = o->getString("caller").value_or("").str();
  e.kind = o->getString("kind").value_or("").str();
  e.aspect = o->getString("aspect").value_or("").str();
  e.spans = o->getBoolean("spans").value_or(true);
  e.metrics = o->getBoolean("metrics").value_or(true);
  for (const llvm::json::Value &s : *symbols)
    if (auto text = s.getAsString()) e.symbols.push_back(text->str());
  return e;
}

void ManifestSet::add(ManifestEntry entry) {
  auto [at, added] = index_.try_emplace({entry.is_call, entry.file, entry.line, entry.column, entry.function}, entries_.size());
  if (added) {
    entries_.push_back(std::move(entry));
    return;
  }
  std::vector<std::string> &symbols = entries_[at->second].symbols;
  for (std::string &s : entry.symbols)
    if (std::find(symbols.begin(), symbols.end(), s) == symbols.end()) symbols.push_back(std::move(s));
}

}  // namespace orch
