#include "aspects/name_template.h"

#include <functional>

namespace orch {
namespace {

// Calls `on_text` for literal runs and `on_field` for each {placeholder}.
void scan(const std::string &text, const std::function<void(const std::string &)> &on_text,
          const std::function<void(const std::string &)> &on_field) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) {
      on_text(text.substr(pos));
      return;
    }
    on_text(text.substr(pos, open - pos));
    on_field(text.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
}

bool field_value(const std::string &field, const FunctionFacts &f, const std::string &aspect, const std::string &caller,
                 std::string &out) {
  if (field == "qualified_name") out = f.qualified_name;
  else if (field == "name") out = f.name;
  else if (field == "class") out = f.class_name;
  else if (field == "namespace") out = f.namespace_;
  else if (field == "file") out = f.file;
  else if (field == "line") out = std::to_string(f.line);
  else if (field == "kind") out = to_string(f.kind);
  else if (field == "aspect") out = aspect;
  else if (field == "caller") out = caller;
  else return false;
  return true;
}

}  // namespace

std::string unknown_placeholder(const std::string &text) {
  std::string unknown;
  FunctionFacts none;
  scan(text, [](const std::string &) {}, [&](const std::string &field) {
    std::string ignored;
    if (unknown.empty() && !field_value(field, none, "", "", ignored)) unknown = field;
  });
  return unknown;
}

std::string expand_template(const std::string &text, const FunctionFacts &facts, const std::string &aspect_id,
                            const std::string &caller) {
  std::string out;
  scan(text, [&](const std::string &literal) { out += literal; }, [&](const std::string &field) {
    std::string value;
    out += field_value(field, facts, aspect_id, caller, value) ? value : "{" + field + "}";
  });
  return out;
}

}  // namespace orch
