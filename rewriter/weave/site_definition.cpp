#include "weave/site_definition.h"

#include "weave/edits.h"

namespace orch {
namespace {

const char *kind_constant(SpanKind kind) {
  switch (kind) {
  case SpanKind::Internal: return "ORCH_KIND_INTERNAL";
  case SpanKind::Server: return "ORCH_KIND_SERVER";
  case SpanKind::Client: return "ORCH_KIND_CLIENT";
  case SpanKind::Producer: return "ORCH_KIND_PRODUCER";
  case SpanKind::Consumer: return "ORCH_KIND_CONSUMER";
  }
  return "ORCH_KIND_INTERNAL";
}

std::string flags_expression(const SiteFields &site) {
  std::string out;
  auto add = [&](bool set, const char *flag) {
    if (set) out += (out.empty() ? "" : " | ") + std::string(flag);
  };
  add(!site.metrics, "ORCH_SITE_NO_METRICS");
  add(site.metrics_only, "ORCH_SITE_METRICS_ONLY");
  add(site.call, "ORCH_SITE_CALL");
  return out.empty() ? "0u" : out;
}

}  // namespace

std::string site_variable(const std::string &suffix) { return "__orch_site_" + suffix; }

std::string site_definition(const SiteFields &site, bool cplusplus) {
  std::string out;
  std::string statics_name = "ORCH_W_NULL";
  if (!site.static_attributes.empty()) {
    statics_name = "__orch_static_attrs_" + site.suffix;
    out += "static const char *const " + statics_name + "[] = {";
    for (const auto &[k, v] : site.static_attributes) out += c_string_literal(k) + ", " + c_string_literal(v) + ", ";
    out.resize(out.size() - 2);
    out += "}; ";
  }
  out += std::string("static ") + (cplusplus ? "::" : "") + "orch_site " + site_variable(site.suffix) +
         " = {ORCH_SITE_VERSION, " + kind_constant(site.kind) + ", " + c_string_literal(site.name) + ", " +
         c_string_literal(site.function) + ", " + c_string_literal(site.path) + ", " + std::to_string(site.line) +
         "u, " + std::to_string(site.static_attributes.size()) + "u, " + statics_name + ", ORCH_W_NULL, " +
         flags_expression(site) + "}; ";
  return out;
}

}  // namespace orch
