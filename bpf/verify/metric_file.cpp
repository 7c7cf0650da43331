#include "verify/metric_file.h"

#include <map>
#include <stdexcept>
#include <tuple>

#include "verify/otlp_lines.h"

namespace orch::verify {

namespace {

using llvm::json::Object;

constexpr int64_t kCumulative = 2; // OTLP AggregationTemporality

using SiteKey = std::tuple<bool, std::string, std::string, unsigned>; // call_site, function, file, line

int64_t process_pid(const Object *resource) {
  const Object *attributes = resource ? resource->getObject("resource") : nullptr;
  for (const llvm::json::Value &attribute : array_or_empty(attributes, "attributes")) {
    const Object *pair = attribute.getAsObject();
    if (pair && pair->getString("key") == "process.pid")
      if (const Object *value = pair->getObject("value"))
        return static_cast<int64_t>(otlp_integer(value->get("intValue")));
  }
  return 0;
}

// The call counts of one ResourceMetrics.
std::map<SiteKey, uint64_t> site_calls(const Object *resource, const std::string &path) {
  std::map<SiteKey, uint64_t> calls;
  for (const auto &scope : array_or_empty(resource, "scopeMetrics"))
    for (const auto &metric : array_or_empty(scope.getAsObject(), "metrics")) {
      const Object *object = metric.getAsObject();
      auto name = object ? object->getString("name") : std::nullopt;
      if (!name || (*name != "orch.function.calls" && *name != "orch.call_site.calls"))
        continue;
      const Object *sum = object->getObject("sum");
      if (!sum || sum->getInteger("aggregationTemporality") != kCumulative)
        throw std::runtime_error(path + ": " + name->str() + " is not a cumulative sum");
      for (const auto &point : array_or_empty(sum, "dataPoints")) {
        const Object *p = point.getAsObject();
        if (!p)
          continue;
        CodeAttributes code = code_attributes(*p);
        calls[{*name == "orch.call_site.calls", code.function, code.file, code.line}] += otlp_integer(p->get("asInt"));
      }
    }
  return calls;
}

} // namespace

std::vector<SiteCalls> read_metric_file(const std::string &path) {
  std::map<int64_t, std::map<SiteKey, uint64_t>> last_export; // per process.pid
  for_each_request(path, [&](const Object &request) {
    for (const auto &resource : array_or_empty(&request, "resourceMetrics"))
      last_export[process_pid(resource.getAsObject())] = site_calls(resource.getAsObject(), path);
  });
  std::map<SiteKey, uint64_t> total;
  for (const auto &[pid, sites] : last_export)
    for (const auto &[key, calls] : sites)
      total[key] += calls;
  std::vector<SiteCalls> sites;
  for (const auto &[key, calls] : total)
    sites.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), calls});
  return sites;
}

} // namespace orch::verify
