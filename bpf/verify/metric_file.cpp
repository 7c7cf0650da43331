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

struct Counted {
  uint64_t calls = 0;
  DurationHistogram durations;
};

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

const Object *cumulative(const Object &metric, llvm::StringRef kind, llvm::StringRef name, const std::string &path) {
  const Object *data = metric.getObject(kind);
  if (!data || data->getInteger("aggregationTemporality") != kCumulative)
    throw std::runtime_error(path + ": " + name.str() + " is not cumulative");
  return data;
}

DurationHistogram histogram_of(const Object &point) {
  DurationHistogram histogram;
  histogram.scale = static_cast<int>(point.getInteger("scale").value_or(0));
  histogram.zero = otlp_integer(point.get("zeroCount"));
  const Object *positive = point.getObject("positive");
  int32_t index = positive ? static_cast<int32_t>(positive->getInteger("offset").value_or(0)) : 0;
  for (const llvm::json::Value &count : array_or_empty(positive, "bucketCounts")) {
    if (uint64_t n = otlp_integer(&count))
      histogram.buckets[index] += n;
    index++;
  }
  return histogram;
}

// The calls and durations of one ResourceMetrics.
std::map<SiteKey, Counted> site_counts(const Object *resource, const std::string &path) {
  std::map<SiteKey, Counted> sites;
  for (const auto &scope : array_or_empty(resource, "scopeMetrics"))
    for (const auto &metric : array_or_empty(scope.getAsObject(), "metrics")) {
      const Object *object = metric.getAsObject();
      auto name = object ? object->getString("name") : std::nullopt;
      if (!name)
        continue;
      bool calls = *name == "orch.function.calls" || *name == "orch.call_site.calls";
      bool durations = *name == "orch.function.duration" || *name == "orch.call_site.duration";
      if (!calls && !durations)
        continue;
      bool call_site = name->starts_with("orch.call_site.");
      const Object *data = cumulative(*object, calls ? "sum" : "exponentialHistogram", *name, path);
      for (const auto &point : array_or_empty(data, "dataPoints")) {
        const Object *p = point.getAsObject();
        if (!p)
          continue;
        CodeAttributes code = code_attributes(*p);
        Counted &site = sites[{call_site, code.function, code.file, code.line}];
        if (calls)
          site.calls += otlp_integer(p->get("asInt"));
        else
          site.durations.add(histogram_of(*p));
      }
    }
  return sites;
}

} // namespace

std::vector<SiteCalls> read_metric_file(const std::string &path) {
  std::map<int64_t, std::map<SiteKey, Counted>> last_export; // per process.pid
  for_each_request(path, [&](const Object &request) {
    for (const auto &resource : array_or_empty(&request, "resourceMetrics"))
      last_export[process_pid(resource.getAsObject())] = site_counts(resource.getAsObject(), path);
  });
  std::map<SiteKey, Counted> total;
  for (const auto &[pid, sites] : last_export)
    for (const auto &[key, counted] : sites) {
      total[key].calls += counted.calls;
      total[key].durations.add(counted.durations);
    }
  std::vector<SiteCalls> sites;
  for (const auto &[key, counted] : total)
    sites.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), counted.calls,
                     counted.durations});
  return sites;
}

} // namespace orch::verify
