#include "verify/sites.h"

#include <map>
#include <tuple>

namespace orch::verify {

std::vector<Site> sites_of(const Manifest &manifest) {
  std::vector<Site> sites;
  for (const ManifestFunction &f : manifest.functions)
    sites.push_back({false, f.name, f.file, f.line, f.counts_calls});
  for (const ManifestCall &c : manifest.calls)
    sites.push_back({true, c.caller, c.file, c.line, c.counts_calls});
  return sites;
}

SharedPlaces shared_places(const std::vector<Site> &sites) {
  std::map<std::tuple<bool, std::string, std::string, unsigned>, int> metrics;
  for (const Site &site : sites)
    metrics[{site.call_site, site.function, site.file, site.line}]++;
  SharedPlaces shared;
  for (const Site &site : sites)
    shared.metrics.push_back(metrics[{site.call_site, site.function, site.file, site.line}] > 1);
  return shared;
}

} // namespace orch::verify
