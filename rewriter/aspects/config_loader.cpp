#include "aspects/config_loader.h"

#include "advice/advice.h"
#include "aspects/yaml_reader.h"
#include "match/join_points/kinds.h"

#include <cstdlib>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace orch {
namespace {

// Loads aspect lists, following `file:` and `builtin:` entries.
class Loader {
public:
  Loader(Config &config, std::string builtin_dir) : config_(config), builtin_dir_(std::move(builtin_dir)) {}

  void load_root(const std::string &path) {
    YamlReader r(path);
    YAML::Node root = r.load();
    if (root.IsNull()) return;  // an empty orch.yaml: nothing to do
    r.expect_keys(root, {"service", "aspects", "exclude"}, "orch.yaml");
    if (auto n = root["service"]) config_.service = r.scalar(n, "service");
    if (auto n = root["exclude"]) {
      if (!n.IsSequence()) r.fail(n, "exclude must be a list of path globs");
      for (const auto &item : n) config_.exclude.push_back(r.pattern(item, Pattern::Flavor::Path, "exclude"));
    }
    if (auto n = root["aspects"]) load_aspect_list(r, n);
  }

private:
  // `written` is the name as the YAML spells it, for messages.
  void load_file(const YamlReader &from, const YAML::Node &at, const std::string &path, const std::string &written) {
    // The error_code overloads: a name the system refuses (too long, a loop
    // of links, no permission) is an error at the line that names it.
    std::error_code error;
    const std::string canonical = fs::weakly_canonical(path, error).string();
    const bool exists = !error && fs::exists(canonical, error);
    if (error) from.fail(at, "aspect file '" + written + "' cannot be read: " + error.message());
    if (!exists) from.fail(at, "aspect file '" + written + "' not found");
    if (!loading_.insert(canonical).second) from.fail(at, "aspect file '" + written + "' includes itself");
    config_.input_files.push_back(canonical);
    YamlReader r(canonical);
    YAML::Node root = r.load();
    if (!root.IsNull()) {
      r.expect_keys(root, {"aspects"}, "aspect file");
      if (auto n = root["aspects"]) load_aspect_list(r, n);
    }
    loading_.erase(canonical);
  }

  void load_aspect_list(const YamlReader &r, const YAML::Node &list) {
    if (!list.IsSequence()) r.fail(list, "aspects must be a list");
    for (const auto &item : list) {
      r.expect_map(item, "an aspect");
      if (auto n = item["builtin"]) {
        r.expect_keys(item, {"builtin"}, "a builtin entry");
        std::string name = r.scalar(n, "builtin");
        load_file(r, n, builtin_dir_ + "/" + name + ".yaml", "builtin " + name);
      } else if (auto n = item["file"]) {
        r.expect_keys(item, {"file"}, "a file entry");
        std::string written = r.scalar(n, "file");
        fs::path p = written;
        if (p.is_relative()) p = fs::path(r.file()).parent_path() / p;
        load_file(r, n, p.string(), written);
      } else {
        config_.aspects.push_back(parse_aspect(r, item));
      }
    }
  }

  Aspect parse_aspect(const YamlReader &r, const YAML::Node &node) {
    r.expect_keys(node, {"id", "join-point", "advice"}, "an aspect");
    Aspect aspect;
    aspect.mark = r.mark(node);
    if (!node["id"]) r.fail(node, "an aspect needs an 'id'");
    aspect.id = r.scalar(node["id"], "id");
    if (!ids_.insert(aspect.id).second) r.fail(node["id"], "duplicate aspect id '" + aspect.id + "'");
    if (!node["join-point"]) r.fail(node, "aspect '" + aspect.id + "' needs a 'join-point'");
    aspect.join_point = parse_join_point(r, node["join-point"]);
    if (!node["advice"]) r.fail(node, "aspect '" + aspect.id + "' needs 'advice'");
    const YAML::Node &advice = node["advice"];
    if (!advice.IsSequence() || advice.size() == 0) r.fail(advice, "advice must be a non-empty list");
    for (const auto &item : advice) {
      AdvicePtr a = parse_advice(r, item);
      ShadowKinds unsupported = aspect.join_point->shadows() & ~a->shadows();
      if (unsupported)
        r.fail(item, std::string("'") + a->key() + "' advice applies to " + describe(a->shadows()) +
                         ", but the join point can also match " + describe(unsupported));
      aspect.advice.push_back(std::move(a));
    }
    return aspect;
  }

  Config &config_;
  std::string builtin_dir_;
  std::set<std::string> loading_;
  std::set<std::string> ids_;
};

}  // namespace

Config load_config(const std::string &orch_yaml_path, const std::string &builtin_dir) {
  Config config;
  config.path = fs::absolute(orch_yaml_path).lexically_normal().string();
  config.root = fs::path(config.path).parent_path().string();
  config.input_files.push_back(config.path);
  Loader(config, builtin_dir).load_root(config.path);
  return config;
}

std::string find_config(const std::string &start_dir) {
  for (fs::path dir = fs::absolute(start_dir).lexically_normal();; dir = dir.parent_path()) {
    fs::path candidate = dir / "orch.yaml";
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) return {};
  }
}

std::string config_for_source(const std::string &source) {
  const char *env = std::getenv("ORCH_CONFIG");
  if (env && *env) return env;
  return find_config(fs::absolute(source).parent_path().string());
}

}  // namespace orch
