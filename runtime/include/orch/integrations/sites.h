/* The span sites of the built-in integrations: one static site per span name
 * (spans are named by a method, a command or a statement's keyword), the last
 * of a table being the name for anything else. C and C++. */
#ifndef ORCH_INTEGRATIONS_SITES_H
#define ORCH_INTEGRATIONS_SITES_H

#include "../weave.h"

#pragma GCC system_header

/* Their metrics are the semantic conventions' (metrics.h), not the sites'. */
#define ORCH_CLIENT_SITE(name, function) \
  { ORCH_SITE_VERSION, ORCH_KIND_CLIENT, name, function, __FILE__, __LINE__, 0, ORCH_W_NULL, ORCH_W_NULL, ORCH_SITE_CALL | ORCH_SITE_NO_METRICS }

/* The site of sites[0..n-1] named `name`, else the last (also for NULL). */
static __inline__ orch_site *orch_site_named(orch_site *sites, size_t n, const char *name) {
  size_t i;
  for (i = 0; name && i + 1 < n; ++i)
    if (strcmp(sites[i].name, name) == 0) return &sites[i];
  return &sites[n - 1];
}
#define ORCH_SITE_NAMED(sites, name) orch_site_named(sites, sizeof sites / sizeof sites[0], name)

/* A span of an operation that outlives the call starting it: a child of the
 * current span, never current itself (orch_api_v1::span_start_detached); no
 * span with a runtime older than that entry. */
static __inline__ void orch_w_start_detached_at(orch_span *s, orch_site *site) {
  const orch_api_v1 *api = orch_w_api();
  s->site = site;
  s->api = api;
  s->rec = ORCH_W_NULL;
  if (ORCH_API_HAS(api, span_start_detached) && api->span_start_detached) api->span_start_detached(s, site);
}

#endif
