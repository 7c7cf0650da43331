// The keys of the `span` advice, as loaded: shared by the weave of a function
// body (weave/span_weaver) and of a call (weave/call_span_weaver).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aspects/model.h"

namespace orch {

// An attribute value: a template resolved at rewrite time ("{qualified_name}"),
// or exactly one argument read at run time ("{arg:key}" / "{arg:0}").
struct AttributeTemplate {
  std::string key;
  std::string text;  // when !argument
  std::optional<std::string> argument;
};

// `error-unless-return: V` / `error-if-return: V`: C APIs that report failure by return value.
struct ReturnCheck {
  bool error_unless = true;  // ERROR when the value differs from `value`; else when it equals it
  std::string value;         // as written: an integer or an identifier (SQLITE_OK, CURLE_OK)
};

struct SpanOptions {
  std::string name = "{qualified_name}";
  SpanKind kind = SpanKind::Internal;
  std::vector<AttributeTemplate> attributes;
  bool record_all_args = false;
  std::vector<std::string> record_args;  // parameter names, when !record_all_args
  bool record_exceptions = true;
  bool record_return = false;
  std::optional<ReturnCheck> return_check;
  bool metrics = true;        // `metrics: false`: no call counts nor durations for this aspect
  bool metrics_only = false;  // the `metrics-only` advice: counts and durations, never a span
};

}  // namespace orch
