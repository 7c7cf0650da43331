// Reading one YAML file of orch's: typed access to nodes, and errors that
// start with file:line:col. Shared by the loader and by every join-point and
// advice kind's parser.
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "aspects/model.h"
#include "aspects/pattern.h"

namespace orch {

class ConfigError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class YamlReader {
public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  SourceMark mark(const YAML::Node &node) const;
  [[noreturn]] void fail(const YAML::Node &node, const std::string &what) const;
  YAML::Node load() const;

  void expect_map(const YAML::Node &node, const std::string &what) const;
  void expect_keys(const YAML::Node &node, std::initializer_list<const char *> allowed, const std::string &what) const;
  std::string scalar(const YAML::Node &node, const std::string &what) const;
  // `key: a` or `key: [a, b]`: the items either way.
  static std::vector<YAML::Node> one_or_list(const YAML::Node &node);
  bool boolean(const YAML::Node &node, const std::string &what) const;
  int integer(const YAML::Node &node, const std::string &what) const;
  Pattern pattern(const YAML::Node &node, Pattern::Flavor flavor, const std::string &what) const;

  const std::string &file() const { return file_; }

private:
  std::string file_;
};

}  // namespace orch
