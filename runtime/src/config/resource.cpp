#include "config/resource.h"

#include <errno.h>
#include <unistd.h>

#include <atomic>
#include <climits>

namespace orch::rt {
namespace {

std::string executable_name() {
  char path[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return program_invocation_short_name;
  std::string_view p(path, static_cast<size_t>(n));
  return std::string(p.substr(p.rfind('/') + 1));
}

}  // namespace

bool parse_resource_attributes(std::string_view text, std::vector<std::pair<std::string, std::string>> &out) {
  std::vector<std::pair<std::string, std::string>> parsed;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view member = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (member.empty()) continue;
    size_t eq = member.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view key = trim(member.substr(0, eq));
    std::string value;
    if (key.empty() || !percent_decode(trim(member.substr(eq + 1)), value)) return false;
    parsed.emplace_back(std::string(key), std::move(value));
  }
  out.insert(out.end(), parsed.begin(), parsed.end());
  return true;
}

static std::atomic<const char *> g_baked_service_name{nullptr};

void set_baked_service_name(const char *name) {
  const char *unset = nullptr;
  if (name && *name) g_baked_service_name.compare_exchange_strong(unset, name);
}

const char *baked_service_name() { return g_baked_service_name.load(); }

Resource::Resource(const EnvReader &env, const char *baked) {
  std::vector<std::pair<std::string, std::string>> from_env;
  if (auto text = env.str("OTEL_RESOURCE_ATTRIBUTES")) {
    if (!parse_resource_attributes(*text, from_env))
      env.warn("OTEL_RESOURCE_ATTRIBUTES is malformed (expected key=value,... with %-encoded values); ignored");
  }
  std::string exe = executable_name();
  std::string service;
  if (auto s = env.str("OTEL_SERVICE_NAME")) service = *s;
  for (const auto &[k, v] : from_env)
    if (k == "service.name" && service.empty()) service = v;
  if (service.empty() && baked) service = baked;
  if (service.empty())
    if (auto s = env.str("ORCH_SERVICE_NAME")) service = *s;
  if (service.empty()) service = "unknown_service:" + exe;

  set("service.name", service);
  for (const auto &[k, v] : from_env)
    if (k != "service.name") set(k, v);
  set("process.pid", static_cast<int64_t>(getpid()));
  set("process.executable.name", exe);
  char host[HOST_NAME_MAX + 1] = {};
  if (gethostname(host, sizeof host - 1) == 0) set("host.name", host);
  set("telemetry.sdk.name", "orch");
  set("telemetry.sdk.language", "cpp");
  set("telemetry.sdk.version", ORCH_VERSION_STRING);
}

void Resource::set(std::string key, std::string value) {
  AttrView a;
  a.key = strings_.emplace_back(std::move(key));
  a.type = AttrType::String;
  a.str = strings_.emplace_back(std::move(value));
  attrs_.push_back(a);
}

void Resource::set(std::string key, int64_t value) {
  AttrView a;
  a.key = strings_.emplace_back(std::move(key));
  a.type = AttrType::Int;
  a.i = value;
  attrs_.push_back(a);
}

ResourceView Resource::view() const {
  ResourceView v;
  v.attributes = attrs_;
  v.scope_name = "orch";
  v.scope_version = ORCH_VERSION_STRING;
  return v;
}

std::string_view Resource::get(std::string_view key) const {
  for (const auto &a : attrs_)
    if (a.key == key && a.type == AttrType::String) return a.str;
  return {};
}

}  // namespace orch::rt
