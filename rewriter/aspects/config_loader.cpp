#include "aspects/config_loader.h"

#include "aspects/name_template.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace orch {
namespace {

// Reads one YAML file; knows its name so that every error can say where.
class Reader {
public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  SourceMark mark(const YAML::Node &node) const {
    YAML::Mark m = node.Mark();
    return {file_, m.line + 1, m.column + 1};
  }
  [[noreturn]] void fail(const YAML::Node &node, const std::string &what) const {
    throw ConfigError(mark(node).str() + ": error: " + what);
  }

  YAML::Node load() const {
    try {
      return YAML::LoadFile(file_);
    } catch (const YAML::BadFile &) {
      throw ConfigError(file_ + ":1:1: error: cannot read file");
    } catch (const YAML::ParserException &e) {
      throw ConfigError(file_ + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                        ": error: invalid YAML: " + e.msg);
    }
  }

  void expect_map(const YAML::Node &node, const std::string &what) const {
    if (!node.IsMap()) fail(node, what + " must be a mapping");
  }
  void expect_keys(const YAML::Node &node, std::initializer_list<const char *> allowed, const std::string &what) const {
    expect_map(node, what);
    for (const auto &entry : node) {
      std::string key = entry.first.Scalar();
      bool known = false;
      for (const char *a : allowed) known = known || key == a;
      if (known) continue;
      std::string list;
      for (const char *a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
      fail(entry.first, "unknown key '" + key + "' in " + what + " (expected one of: " + list + ")");
    }
  }
  std::string scalar(const YAML::Node &node, const std::string &what) const {
    if (!node.IsScalar()) fail(node, what + " must be a string");
    return node.Scalar();
  }
  bool boolean(const YAML::Node &node, const std::string &what) const {
    if (node.IsScalar()) {
      const std::string &s = node.Scalar();
      if (s == "true") return true;
      if (s == "false") return false;
    }
    fail(node, what + " must be true or false");
  }
  int integer(const YAML::Node &node, const std::string &what) const {
    try {
      if (node.IsScalar()) return node.as<int>();
    } catch (const YAML::Exception &) {
    }
    fail(node, what + " must be an integer");
  }
  Pattern pattern(const YAML::Node &node, Pattern::Flavor flavor, const std::string &what) const {
    std::string error;
    Pattern p = Pattern::parse(scalar(node, what), flavor, error);
    if (!error.empty()) fail(node, what + ": " + error);
    return p;
  }

  const std::string &file() const { return file_; }

private:
  std::string file_;
};

JoinPointPtr parse_join_point(const Reader &r, const YAML::Node &node);

FunctionBodyJoinPoint parse_function_body(const Reader &r, const YAML::Node &node) {
  r.expect_keys(node, {"qualified-name", "name", "namespace", "class", "file", "kind", "min-statements"},
                "function-body");
  FunctionBodyJoinPoint fb;
  using F = Pattern::Flavor;
  if (auto n = node["qualified-name"]) fb.qualified_name = r.pattern(n, F::Name, "qualified-name");
  if (auto n = node["name"]) fb.name = r.pattern(n, F::Name, "name");
  if (auto n = node["namespace"]) fb.namespace_ = r.pattern(n, F::Name, "namespace");
  if (auto n = node["class"]) fb.class_ = r.pattern(n, F::Name, "class");
  if (auto n = node["file"]) fb.file = r.pattern(n, F::Path, "file");
  if (auto n = node["kind"]) {
    std::vector<YAML::Node> items;
    if (n.IsSequence())
      for (const auto &item : n) items.push_back(item);
    else
      items.push_back(n);
    for (const auto &item : items) {
      auto kind = function_kind_from_string(r.scalar(item, "kind"));
      if (!kind) r.fail(item, "unknown kind '" + item.Scalar() + "' (expected function, method, constructor, destructor or lambda)");
      fb.kinds.push_back(*kind);
    }
  }
  if (auto n = node["min-statements"]) fb.min_statements = r.integer(n, "min-statements");
  return fb;
}

JoinPointPtr parse_join_point(const Reader &r, const YAML::Node &node) {
  r.expect_keys(node, {"function-body", "directive", "all-of", "one-of", "not"}, "join-point");
  if (node.size() != 1)
    r.fail(node, "a join-point has exactly one of: function-body, directive, all-of, one-of, not");
  auto jp = std::make_unique<JoinPoint>();
  jp->mark = r.mark(node);
  const auto &entry = *node.begin();
  std::string key = entry.first.Scalar();
  const YAML::Node &value = entry.second;
  if (key == "function-body") {
    jp->type = JoinPoint::Type::FunctionBody;
    jp->function_body = parse_function_body(r, value);
  } else if (key == "directive") {
    jp->type = JoinPoint::Type::Directive;
    jp->directive.name = r.scalar(value, "directive");
    if (jp->directive.name != "orch:span")
      r.fail(value, "unknown directive '" + jp->directive.name + "' (expected orch:span)");
  } else if (key == "not") {
    jp->type = JoinPoint::Type::Not;
    jp->children.push_back(parse_join_point(r, value));
  } else {
    jp->type = key == "all-of" ? JoinPoint::Type::AllOf : JoinPoint::Type::OneOf;
    if (!value.IsSequence() || value.size() == 0) r.fail(value, key + " must be a non-empty list of join points");
    for (const auto &child : value) jp->children.push_back(parse_join_point(r, child));
  }
  return jp;
}

bool is_single_argument(const std::string &text, std::string &argument) {
  const std::string prefix = "{arg:";
  if (text.size() > prefix.size() + 1 && text.compare(0, prefix.size(), prefix) == 0 && text.back() == '}' &&
      text.find('{', 1) == std::string::npos) {
    argument = text.substr(prefix.size(), text.size() - prefix.size() - 1);
    return true;
  }
  return false;
}

void check_placeholders(const Reader &r, const YAML::Node &node, const std::string &text) {
  std::string unknown = unknown_placeholder(text);
  if (!unknown.empty())
    r.fail(node, "unknown placeholder '{" + unknown +
                     "}' (expected qualified_name, name, class, namespace, file, line, kind, aspect or arg:NAME)");
}

SpanAdvice parse_span(const Reader &r, const YAML::Node &node) {
  SpanAdvice span;
  if (node.IsNull()) return span;
  r.expect_keys(node, {"name", "kind", "attributes", "record-args", "record-exceptions", "record-return"}, "span");
  if (auto n = node["name"]) {
    span.name = r.scalar(n, "name");
    if (span.name.find("{arg:") != std::string::npos)
      r.fail(n, "span names are fixed at build time; record arguments as attributes instead");
    check_placeholders(r, n, span.name);
  }
  if (auto n = node["kind"]) {
    auto kind = span_kind_from_string(r.scalar(n, "kind"));
    if (!kind) r.fail(n, "unknown span kind '" + n.Scalar() + "' (expected internal, server, client, producer or consumer)");
    span.kind = *kind;
  }
  if (auto n = node["attributes"]) {
    r.expect_map(n, "attributes");
    for (const auto &entry : n) {
      AttributeTemplate attr;
      attr.key = r.scalar(entry.first, "attribute key");
      std::string text = r.scalar(entry.second, "attribute value");
      std::string argument;
      if (is_single_argument(text, argument)) {
        attr.argument = argument;
      } else if (text.find("{arg:") != std::string::npos) {
        r.fail(entry.second, "an attribute value is either a build-time template or exactly one '{arg:NAME}'");
      } else {
        check_placeholders(r, entry.second, text);
        attr.text = text;
      }
      span.attributes.push_back(std::move(attr));
    }
  }
  if (auto n = node["record-args"]) {
    if (n.IsSequence()) {
      for (const auto &item : n) span.record_args.push_back(r.scalar(item, "record-args entry"));
    } else {
      span.record_all_args = r.boolean(n, "record-args (true, false or a list of parameter names)");
    }
  }
  if (auto n = node["record-exceptions"]) span.record_exceptions = r.boolean(n, "record-exceptions");
  if (auto n = node["record-return"]) span.record_return = r.boolean(n, "record-return");
  return span;
}

Advice parse_advice(const Reader &r, const YAML::Node &node) {
  r.expect_keys(node, {"span"}, "advice");
  Advice advice;
  advice.mark = r.mark(node);
  advice.span = parse_span(r, node["span"]);
  return advice;
}

// Loads aspect lists, following `file:` and `builtin:` entries.
class Loader {
public:
  Loader(Config &config, std::string builtin_dir) : config_(config), builtin_dir_(std::move(builtin_dir)) {}

  void load_root(const std::string &path) {
    Reader r(path);
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
  void load_file(const Reader &from, const YAML::Node &at, const std::string &path, const std::string &written) {
    std::string canonical = fs::weakly_canonical(path).string();
    if (!fs::exists(canonical)) from.fail(at, "aspect file '" + written + "' not found");
    if (!loading_.insert(canonical).second) from.fail(at, "aspect file '" + written + "' includes itself");
    config_.input_files.push_back(canonical);
    Reader r(canonical);
    YAML::Node root = r.load();
    if (!root.IsNull()) {
      r.expect_keys(root, {"aspects"}, "aspect file");
      if (auto n = root["aspects"]) load_aspect_list(r, n);
    }
    loading_.erase(canonical);
  }

  void load_aspect_list(const Reader &r, const YAML::Node &list) {
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

  Aspect parse_aspect(const Reader &r, const YAML::Node &node) {
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
    for (const auto &item : advice) aspect.advice.push_back(parse_advice(r, item));
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
