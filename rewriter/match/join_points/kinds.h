// The join-point kinds, one parser per YAML key; parse_join_point.cpp holds the
// table from key to parser. Adding a kind: a file beside these, a line here and
// a line in that table.
#pragma once

#include "aspects/yaml_reader.h"
#include "match/join_point.h"

namespace orch {

// Parses a `join-point:` node (a mapping with exactly one registered key).
JoinPointPtr parse_join_point(const YamlReader &r, const YAML::Node &node);

// `value` is the node under the kind's key; `mark` where the join point starts.
JoinPointPtr parse_function_body(const YamlReader &r, const YAML::Node &value, SourceMark mark);
JoinPointPtr parse_function_call(const YamlReader &r, const YAML::Node &value, SourceMark mark);
JoinPointPtr parse_directive(const YamlReader &r, const YAML::Node &value, SourceMark mark);
JoinPointPtr parse_all_of(const YamlReader &r, const YAML::Node &value, SourceMark mark);
JoinPointPtr parse_one_of(const YamlReader &r, const YAML::Node &value, SourceMark mark);
JoinPointPtr parse_not(const YamlReader &r, const YAML::Node &value, SourceMark mark);

}  // namespace orch
