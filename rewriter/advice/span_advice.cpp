// `span: {...}`: a span around a function body or around a call.
// `metrics-only: {...}`: the same site counted and timed, never a span.
#include "advice/advice.h"
#include "advice/span_options.h"
#include "aspects/name_template.h"
#include "weave/call_span_weaver.h"
#include "weave/span_weaver.h"
#include "weave/weave_point.h"

namespace orch {
namespace {

class SpanAdvice final : public Advice {
public:
  SpanAdvice(SourceMark mark, SpanOptions options) : Advice(std::move(mark)), options_(std::move(options)) {}
  const char *key() const override { return options_.metrics_only ? "metrics-only" : "span"; }
  ShadowKinds shadows() const override { return options_.return_check ? kCallShadows : kBodyShadows | kCallShadows; }
  void weave_body(BodyWeave &w) const override { weave_span(w, options_); }
  void weave_call(CallWeave &w) const override { weave_call_span(w, options_); }
  bool records_spans() const override { return !options_.metrics_only; }
  bool counts_calls() const override { return options_.metrics; }

private:
  SpanOptions options_;
};

bool is_single_argument(const std::string &text, std::string &argument) {
  const std::string prefix = "{arg:";
  if (text.size() > prefix.size() + 1 && text.compare(0, prefix.size(), prefix) == 0 && text.back() == '}' &&
      text.find('{', 1) == std::string::npos) {
    argument = text.substr(prefix.size(), text.size() - prefix.size() - 1);
    return true;
  }
  return false;
}

void check_placeholders(const YamlReader &r, const YAML::Node &node, const std::string &text) {
  std::string unknown = unknown_placeholder(text);
  if (!unknown.empty())
    r.fail(node, "unknown placeholder '{" + unknown +
                     "}' (expected qualified_name, name, class, namespace, file, line, kind, caller, aspect or arg:NAME)");
}

ReturnCheck parse_return_check(const YamlReader &r, const YAML::Node &node, bool error_unless) {
  std::string value = r.scalar(node, error_unless ? "error-unless-return" : "error-if-return");
  bool integer = !value.empty() && value.find_first_not_of("-0123456789") == std::string::npos;
  bool identifier = !value.empty() && !isdigit(static_cast<unsigned char>(value[0])) &&
                    value.find_first_not_of("_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:") ==
                        std::string::npos;
  if (!integer && !identifier) r.fail(node, "expected an integer or the name of a constant, not '" + value + "'");
  return {error_unless, value};
}

// The keys a `metrics-only` advice shares with `span`.
void parse_common_keys(const YamlReader &r, const YAML::Node &node, SpanOptions &span) {
  if (auto n = node["name"]) {
    span.name = r.scalar(n, "name");
    if (span.name.find("{arg:") != std::string::npos)
      r.fail(n, "span names are fixed at build time; record arguments as attributes instead");
    check_placeholders(r, n, span.name);
  }
  if (auto n = node["record-exceptions"]) span.record_exceptions = r.boolean(n, "record-exceptions");
  if (node["error-unless-return"] && node["error-if-return"])
    r.fail(node, "give error-unless-return or error-if-return, not both");
  if (auto n = node["error-unless-return"]) span.return_check = parse_return_check(r, n, true);
  if (auto n = node["error-if-return"]) span.return_check = parse_return_check(r, n, false);
}

}  // namespace

AdvicePtr parse_span_advice(const YamlReader &r, const YAML::Node &node, SourceMark mark) {
  SpanOptions span;
  if (node.IsNull()) return std::make_unique<SpanAdvice>(std::move(mark), std::move(span));
  r.expect_keys(node,
                {"name", "kind", "attributes", "record-args", "record-exceptions", "record-return",
                 "error-unless-return", "error-if-return", "metrics"},
                "span");
  parse_common_keys(r, node, span);
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
  if (auto n = node["record-return"]) span.record_return = r.boolean(n, "record-return");
  if (auto n = node["metrics"]) span.metrics = r.boolean(n, "metrics");
  return std::make_unique<SpanAdvice>(std::move(mark), std::move(span));
}

AdvicePtr parse_metrics_only(const YamlReader &r, const YAML::Node &node, SourceMark mark) {
  SpanOptions span;
  span.metrics_only = true;
  if (!node.IsNull()) {
    r.expect_keys(node, {"name", "record-exceptions", "error-unless-return", "error-if-return"}, "metrics-only");
    parse_common_keys(r, node, span);
  }
  return std::make_unique<SpanAdvice>(std::move(mark), std::move(span));
}

}  // namespace orch
