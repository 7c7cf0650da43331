#include "advice/advice.h"

namespace orch {
namespace {

using Parser = AdvicePtr (*)(const YamlReader &, const YAML::Node &, SourceMark);

struct Kind {
  const char *key;
  Parser parse;
};

constexpr Kind kKinds[] = {
    {"span", parse_span_advice},
    {"metrics-only", parse_metrics_only},
    {"propagate-context", parse_propagate_context},
    {"replace-function", parse_replace_function},
    {"wrap-argument", parse_wrap_argument},
};

}  // namespace

AdvicePtr parse_advice(const YamlReader &r, const YAML::Node &node) {
  std::string keys;
  for (const Kind &k : kKinds) keys += std::string(keys.empty() ? "" : ", ") + k.key;
  r.expect_map(node, "an advice");
  if (node.size() != 1) r.fail(node, "an advice has exactly one of: " + keys);
  const auto &entry = *node.begin();
  std::string key = entry.first.Scalar();
  for (const Kind &k : kKinds)
    if (key == k.key) return k.parse(r, entry.second, r.mark(node));
  r.fail(entry.first, "unknown key '" + key + "' in advice (expected one of: " + keys + ")");
}

std::string parse_integration_header(const YamlReader &r, const YAML::Node &value) {
  std::string header = r.scalar(value, "header");
  if (header.empty() || header[0] == '/' || header.find("..") != std::string::npos)
    r.fail(value, "'header' is a path under orch's include directory (orch/), like integrations/x.h");
  return header;
}

}  // namespace orch
