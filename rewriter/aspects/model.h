// The aspect model: what orch.yaml and aspect files say, after loading.
// Join points are a small expression tree over facts about one function;
// advice says what to weave into a matched function.
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

struct JoinPoint;
using JoinPointPtr = std::unique_ptr<JoinPoint>;

// `function-body: {...}`: every given condition must hold.
struct FunctionBodyJoinPoint {
  std::optional<Pattern> qualified_name, name, namespace_, class_, file;
  std::vector<FunctionKind> kinds;  // empty: any kind
  std::optional<int> min_statements;
};

// `directive: "orch:span"`: a `// orch:span k=v ...` comment right before the function.
struct DirectiveJoinPoint {
  std::string name;
};

struct JoinPoint {
  enum class Type { FunctionBody, Directive, AllOf, OneOf, Not } type;
  FunctionBodyJoinPoint function_body;
  DirectiveJoinPoint directive;
  std::vector<JoinPointPtr> children;  // AllOf, OneOf: all; Not: one
  SourceMark mark;
};

enum class SpanKind { Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 };
std::optional<SpanKind> span_kind_from_string(const std::string &name);

// An attribute value: a template resolved at rewrite time ("{qualified_name}"),
// or exactly one argument read at run time ("{arg:key}" / "{arg:0}").
struct AttributeTemplate {
  std::string key;
  std::string text;                 // when !argument
  std::optional<std::string> argument;
};

struct SpanAdvice {
  std::string name = "{qualified_name}";
  SpanKind kind = SpanKind::Internal;
  std::vector<AttributeTemplate> attributes;
  bool record_all_args = false;
  std::vector<std::string> record_args;  // parameter names, when !record_all_args
  bool record_exceptions = true;
  bool record_return = false;
};

struct Advice {
  enum class Type { Span } type = Type::Span;
  SpanAdvice span;
  SourceMark mark;
};

struct Aspect {
  std::string id;
  JoinPointPtr join_point;
  std::vector<Advice> advice;
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
