#include "match/join_points/kinds.h"

namespace orch {
namespace {

using Parser = JoinPointPtr (*)(const YamlReader &, const YAML::Node &, SourceMark);

struct Kind {
  const char *key;
  Parser parse;
};

constexpr Kind kKinds[] = {
    {"function-body", parse_function_body}, {"function-call", parse_function_call},
    {"directive", parse_directive},         {"all-of", parse_all_of},
    {"one-of", parse_one_of},               {"not", parse_not},
};

}  // namespace

JoinPointPtr parse_join_point(const YamlReader &r, const YAML::Node &node) {
  std::string keys;
  for (const Kind &k : kKinds) keys += std::string(keys.empty() ? "" : ", ") + k.key;
  r.expect_map(node, "a join-point");
  if (node.size() != 1) r.fail(node, "a join-point has exactly one of: " + keys);
  const auto &entry = *node.begin();
  std::string key = entry.first.Scalar();
  for (const Kind &k : kKinds)
    if (key == k.key) return k.parse(r, entry.second, r.mark(node));
  r.fail(entry.first, "unknown key '" + key + "' in join-point (expected one of: " + keys + ")");
}

}  // namespace orch
