#include "aspects/yaml_reader.h"

#include <cstdio>

namespace orch {

SourceMark YamlReader::mark(const YAML::Node &node) const {
  YAML::Mark m = node.Mark();
  return {file_, m.line + 1, m.column + 1};
}

void YamlReader::fail(const YAML::Node &node, const std::string &what) const {
  throw ConfigError(mark(node).str() + ": error: " + what);
}

namespace {

// The whole file, or false if it cannot be opened or read (a directory, an I/O
// error). Read here rather than by YAML::LoadFile: a read that fails inside
// yaml-cpp 0.7 throws std::ios_base::failure and leaks its prefetch buffer.
bool read_file(const std::string &path, std::string &text) {
  FILE *file = std::fopen(path.c_str(), "rb");
  if (!file) return false;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  const bool ok = !std::ferror(file);
  std::fclose(file);
  return ok;
}

}  // namespace

YAML::Node YamlReader::load() const {
  std::string text;
  if (!read_file(file_, text)) throw ConfigError(file_ + ":1:1: error: cannot read file");
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException &e) {
    throw ConfigError(file_ + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                      ": error: invalid YAML: " + e.msg);
  }
}

void YamlReader::expect_map(const YAML::Node &node, const std::string &what) const {
  if (!node.IsMap()) fail(node, what + " must be a mapping");
}

void YamlReader::expect_keys(const YAML::Node &node, std::initializer_list<const char *> allowed,
                             const std::string &what) const {
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

std::string YamlReader::scalar(const YAML::Node &node, const std::string &what) const {
  if (!node.IsScalar()) fail(node, what + " must be a string");
  return node.Scalar();
}

std::vector<YAML::Node> YamlReader::one_or_list(const YAML::Node &node) {
  if (!node.IsSequence()) return {node};
  return std::vector<YAML::Node>(node.begin(), node.end());
}

bool YamlReader::boolean(const YAML::Node &node, const std::string &what) const {
  if (node.IsScalar()) {
    const std::string &s = node.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  fail(node, what + " must be true or false");
}

int YamlReader::integer(const YAML::Node &node, const std::string &what) const {
  try {
    if (node.IsScalar()) return node.as<int>();
  } catch (const YAML::Exception &) {
  }
  fail(node, what + " must be an integer");
}

Pattern YamlReader::pattern(const YAML::Node &node, Pattern::Flavor flavor, const std::string &what) const {
  std::string error;
  Pattern p = Pattern::parse(scalar(node, what), flavor, error);
  if (!error.empty()) fail(node, what + ": " + error);
  return p;
}

}  // namespace orch
