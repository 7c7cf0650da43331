#include "launcher/precheck.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "match/join_point.h"
#include "ast/unit_scan.h"
#include "launcher/unit_job.h"

namespace fs = std::filesystem;

namespace orch {
namespace {

bool any_aspect_may_match(const Config &config, const UnitSummary &unit) {
  for (const Aspect &aspect : config.aspects)
    if (aspect.join_point->may_match(unit)) return true;
  return false;
}

// The main file alone, read as text: usually enough to send a unit on to the
// full parse without preprocessing it twice.
bool main_file_may_match(const CompileCommand &cmd, const Config &config) {
  std::ifstream in(cmd.source(), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  UnitSummary unit;
  add_words(text.str(), unit.words);
  std::string path = fs::absolute(cmd.source()).lexically_normal().string();
  std::string rel = config.relative_to_root(path);
  unit.files.push_back(rel.empty() ? path : rel);
  unit.texts.push_back(text.str());
  return any_aspect_may_match(config, unit);
}

}  // namespace

bool unit_may_match(const CompileCommand &cmd, const Config &config) {
  if (main_file_may_match(cmd, config)) return true;
  std::optional<UnitSummary> unit = scan_unit(parse_request(cmd), config);
  return !unit || any_aspect_may_match(config, *unit);
}

}  // namespace orch
