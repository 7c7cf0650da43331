/* Built-in `libcurl`, multi interface (aspects/libcurl.yaml): a transfer added
 * with curl_multi_add_handle is a client span from then until
 * curl_multi_info_read reports it done (CURLMSG_DONE), with the attributes,
 * status and http.client.request.duration of the easy interface's
 * (libcurl.h). The span is a child of the span current at curl_multi_add_handle
 * and is never current itself: the transfer runs while the program does other
 * things, whose spans are not its children. A transfer removed before it is
 * done ends its span there, with error.type `_OTHER`.
 *
 * In C++ units the span's traceparent and tracestate go out with the transfer
 * as with curl_easy_perform (the program's header list, as orch saw it set,
 * is given back to the handle when the transfer is done). C: spans only.
 *
 * Included in place of orch/weave.h by units whose calls the aspect wove. */
#ifndef ORCH_INTEGRATIONS_LIBCURL_MULTI_H
#define ORCH_INTEGRATIONS_LIBCURL_MULTI_H

#include "libcurl.h"

#pragma GCC system_header

#include <pthread.h>

/* A transfer in a multi handle: one list for the whole program (weak
 * symbols, shared by every unit including this header), as a transfer may be
 * added in one unit and read as done in another. */
typedef struct orch_curl_transfer {
  struct orch_curl_transfer *next;
  CURL *h;
  orch_op op;
  struct curl_slist *injected; /* the list set for the transfer (NULL: the program's, untouched) */
  struct curl_slist *program;  /* the program's own list, set back when done */
} orch_curl_transfer;
__attribute__((weak)) orch_curl_transfer *orch_curl_transfers;
__attribute__((weak)) pthread_mutex_t orch_curl_transfers_mutex = PTHREAD_MUTEX_INITIALIZER;

/* Starts the span of a transfer being added; its headers, in C++. */
static __inline__ orch_curl_transfer *orch_curl_transfer_start(CURL *h) {
  orch_curl_transfer *t = (orch_curl_transfer *)calloc(1, sizeof *t);
  const char *method = ORCH_W_NULL;
  if (!t) return ORCH_W_NULL;
  t->h = h;
#ifdef __cplusplus
  namespace lc = ::orch::integrations::libcurl;
  lc::handle_state state;
  const bool known = lc::seen(h, state);
  if (known) method = lc::method_of(state);
#endif
  orch_w_start_detached_at(&t->op.span, ORCH_SITE_NAMED(orch_curl_sites, method));
  orch_op_begin(&t->op);
#ifdef __cplusplus
  if (known && orch_w_recording(&t->op.span)) {
    t->program = state.headers;
    t->injected =
        lc::with_trace_headers(state.headers, ::orch::integrations::outgoing_headers::of_span(&t->op.span));
    if (t->injected) curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->injected);
  }
#endif
  return t;
}

/* The transfer of `h`, taken out of the list; NULL when none is open. */
static __inline__ orch_curl_transfer *orch_curl_transfer_take(CURL *h) {
  orch_curl_transfer **p, *t = ORCH_W_NULL;
  pthread_mutex_lock(&orch_curl_transfers_mutex);
  for (p = &orch_curl_transfers; *p; p = &(*p)->next) {
    if ((*p)->h == h) {
      t = *p;
      *p = t->next;
      break;
    }
  }
  pthread_mutex_unlock(&orch_curl_transfers_mutex);
  return t;
}

/* Ends the transfer of `h`, if one is open: done with `rc`, or (`done` 0)
 * removed before it was. */
static __inline__ void orch_curl_transfer_end(CURL *h, int done, CURLcode rc) {
  orch_curl_transfer *t = orch_curl_transfer_take(h);
  if (!t) return;
  if (t->injected) {
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->program);
    curl_slist_free_all(t->injected);
  }
  if (done) {
    orch_curl_end(&t->op, h, rc);
  } else {
    orch_op_metric_str(&t->op, "error.type", "_OTHER");
    if (t->op.span.api) orch_w_failed_described(&t->op.span, "_OTHER", "removed from the multi handle before it was done");
    orch_op_record(&t->op, &orch_http_client_duration);
    orch_w_end(&t->op.span);
  }
  free(t);
}

static __inline__ CURLMcode orch_curl_multi_add_handle(CURLM *m, CURL *h) {
  orch_curl_transfer *t;
  CURLMcode rc;
  orch_curl_transfer_end(h, 0, CURLE_OK); /* added again while open: the earlier one ends */
  t = orch_curl_transfer_start(h);
  if (t) {
    pthread_mutex_lock(&orch_curl_transfers_mutex);
    t->next = orch_curl_transfers;
    orch_curl_transfers = t;
    pthread_mutex_unlock(&orch_curl_transfers_mutex);
  }
  rc = curl_multi_add_handle(m, h);
  if (rc != CURLM_OK) orch_curl_transfer_end(h, 0, CURLE_OK);
  return rc;
}

static __inline__ CURLMsg *orch_curl_multi_info_read(CURLM *m, int *msgs_in_queue) {
  CURLMsg *msg = curl_multi_info_read(m, msgs_in_queue);
  if (msg && msg->msg == CURLMSG_DONE) orch_curl_transfer_end(msg->easy_handle, 1, msg->data.result);
  return msg;
}

static __inline__ CURLMcode orch_curl_multi_remove_handle(CURLM *m, CURL *h) {
  orch_curl_transfer_end(h, 0, CURLE_OK);
  return curl_multi_remove_handle(m, h);
}

#endif
