// Every site that counted a call, by a dense id kept in the site's
// runtime_slot (0: not registered yet). Process-wide, independent of the
// Runtime instance, so ids stay valid in a forked child. The site's strings
// are copied: a site in a library that is unloaded later stays reportable.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "orch/orch.h"

namespace orch::rt {

struct SiteInfo {
  uint32_t id;
  bool call_site;  // ORCH_SITE_CALL
  std::string name;
  std::string function;
  std::string file;
  uint32_t line;
};

inline uint32_t site_flags(const orch_site *site) { return site->abi_version >= 2 ? site->flags : 0; }

inline uint32_t registered_site_id(const orch_site *site) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(
      std::atomic_ref(const_cast<orch_site *>(site)->runtime_slot).load(std::memory_order_acquire)));
}

// The site's id, registering it on first use; 0 when out of memory.
uint32_t register_site(const orch_site *site);

// The registered sites, in id order (stable pointers).
std::vector<const SiteInfo *> registered_sites();

// Held across fork() so that the child does not inherit a locked registry.
void lock_site_registry();
void unlock_site_registry();

}  // namespace orch::rt
