// The aspect model: what orch.yaml and aspect files say, after loading.
// Join points (match/) say where, advice (advice/) says what to weave there;
// each is one small class per YAML key.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aspects/pattern.h"

namespace orch {

// Where a YAML node came from, for errors and for `orch explain`.
struct SourceMark {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::string str() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }
};

enum class FunctionKind { Function, Method, Constructor, Destructor, Lambda };
const char *to_string(FunctionKind kind);
std::optional<FunctionKind> function_kind_from_string(const std::string &name);

enum class CallKind { Function, Method, Constructor, Operator };
const char *to_string(CallKind kind);
std::optional<CallKind> call_kind_from_string(const std::string &name);

enum class SpanKind { Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 };
std::optional<SpanKind> span_kind_from_string(const std::string &name);

class JoinPoint;  // match/join_point.h
class Advice;     // advice/advice.h

struct Aspect {
  std::string id;
  std::shared_ptr<const JoinPoint> join_point;
  std::vector<std::shared_ptr<const Advice>> advice;
  SourceMark mark;
};

// Everything orch.yaml resolves to.
struct Config {
  std::string path;          // absolute path of orch.yaml
  std::string root;          // its directory: file globs are relative to it
  std::string service;
  std::vector<Aspect> aspects;
  std::vector<Pattern> exclude;          // path globs relative to root
  std::vector<std::string> input_files;  // orch.yaml and every aspect file read (for depfiles)

  // `path` (absolute, normalized) relative to root, or "" when it is outside.
  std::string relative_to_root(const std::string &path) const;
  // Whether `path` (absolute, normalized) is under root and matches `exclude:`.
  bool excludes(const std::string &path) const;
};

}  // namespace orch
