#include "metrics/site_registry.h"

#include <memory>
#include <mutex>

namespace orch::rt {
namespace {

std::mutex g_mu;
std::vector<std::unique_ptr<SiteInfo>> g_sites;  // g_sites[i] has id i + 1

std::string text(const char *s) { return s ? s : ""; }

}  // namespace

uint32_t register_site(const orch_site *site) {
  try {
    std::lock_guard lock(g_mu);
    if (uint32_t id = registered_site_id(site)) return id;
    const auto id = static_cast<uint32_t>(g_sites.size() + 1);
    g_sites.push_back(std::make_unique<SiteInfo>(SiteInfo{id, (site_flags(site) & ORCH_SITE_CALL) != 0, text(site->name),
                                                          text(site->function), text(site->file), site->line}));
    std::atomic_ref(const_cast<orch_site *>(site)->runtime_slot)
        .store(reinterpret_cast<void *>(static_cast<uintptr_t>(id)), std::memory_order_release);
    return id;
  } catch (...) {
    return 0;
  }
}

std::vector<const SiteInfo *> registered_sites() {
  std::lock_guard lock(g_mu);
  std::vector<const SiteInfo *> out;
  out.reserve(g_sites.size());
  for (const auto &s : g_sites) out.push_back(s.get());
  return out;
}

void lock_site_registry() { g_mu.lock(); }
void unlock_site_registry() { g_mu.unlock(); }

}  // namespace orch::rt
