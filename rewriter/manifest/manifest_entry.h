// The manifest: one JSON line per instrumented function or call site, in the
// ELF section `orch_manifest` of every object the rewrite produced (and so of
// the programs and libraries linked from them). Written by the rewriter, read
// by `orch manifest` and by the verifier: this is the one place that knows
// its fields.
//   function: {"function":Q,"symbols":[...],"file":F,"line":L,"kind":K,"aspect":A}
//   call:     {"call":Q,"symbols":[...],"caller":C,"file":F,"line":L,"column":N,"kind":"call","aspect":A}
// A call site's symbols are the callee's. `"spans":false` and `"metrics":false`
// follow when the site records no span of its own (metrics-only; a call only
// redirected or wrapped) or counts no calls in the metrics (`metrics: false`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace orch {

struct ManifestEntry {
  bool is_call = false;
  std::string function;  // qualified name: the instrumented function, or the callee of a call site
  std::vector<std::string> symbols;
  std::string caller;    // call sites: the calling function ("" at namespace scope)
  std::string file;      // as in the spans' code.file.path
  unsigned line = 0;     // as in the spans' code.line.number
  unsigned column = 0;   // call sites
  std::string kind;      // function kind (method, constructor...), or "call"
  std::string aspect;
  bool spans = true;     // a span per call, with the place's code.* attributes
  bool metrics = true;   // each call counted in orch.function.calls / orch.call_site.calls

  std::string to_json() const;
};

// nullopt (with `error`) for a line this version cannot read.
std::optional<ManifestEntry> parse_manifest_line(const std::string &line, std::string &error);

// Entries in the order first seen, one per place: a function or call site in
// a header is recorded by every unit that compiles it; its entries merge into
// one with the union of their symbols (a template's instantiations differ
// between units).
class ManifestSet {
public:
  void add(ManifestEntry entry);
  const std::vector<ManifestEntry> &entries() const { return entries_; }

private:
  std::vector<ManifestEntry> entries_;
  std::map<std::tuple<bool, std::string, unsigned, unsigned, std::string>, size_t> index_;
};

}  // namespace orch
