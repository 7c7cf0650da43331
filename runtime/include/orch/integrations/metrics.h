/* The OpenTelemetry semantic conventions' duration histograms that the
 * integrations record for every operation, sampled or not
 * (http.client.request.duration and http.server.request.duration: HTTP
 * v1.26; db.client.operation.duration: database v1.33), through
 * orch_api_v1::op_start/op_record. An operation gathers its attributes in an
 * orch_op as they become known; the orch_op_* setters give a value to the
 * operation's span too. C and C++. */
#ifndef ORCH_INTEGRATIONS_METRICS_H
#define ORCH_INTEGRATIONS_METRICS_H

#include "../weave.h"

#pragma GCC system_header

static const orch_instrument orch_http_client_duration = {"http.client.request.duration",
                                                          "Duration of HTTP client requests.", "s"};
static const orch_instrument orch_http_server_duration = {"http.server.request.duration",
                                                          "Duration of HTTP server requests.", "s"};
static const orch_instrument orch_db_client_duration = {"db.client.operation.duration",
                                                        "Duration of database client operations.", "s"};

#define ORCH_OP_MAX_ATTRS 8

/* One operation: its span, when it started for its metric (0: no metric is
 * recorded), the metric's attributes (their strings must live until
 * orch_op_record) and the operation's name (a statement's keyword, a
 * command), kept here for them. */
typedef struct orch_op {
  orch_span span;
  uint64_t start;
  uint32_t n;
  orch_metric_attr attrs[ORCH_OP_MAX_ATTRS];
  char name[32];
} orch_op;

/* Call right after the span started. */
static __inline__ void orch_op_begin(orch_op *o) {
  const orch_api_v1 *api = orch_w_api();
  o->n = 0;
  o->start = ORCH_API_HAS(api, op_record) && api->op_start ? api->op_start() : 0;
}

/* The operation's attributes are worth computing: its span records, or its
 * metric is measured. */
static __inline__ int orch_op_wanted(const orch_op *o) { return o->start || orch_w_recording(&o->span); }

/* An attribute of the metric only (a low-cardinality form of a span's value). */
static __inline__ void orch_op_metric_str(orch_op *o, const char *key, const char *value) {
  if (!o->start || !value || o->n == ORCH_OP_MAX_ATTRS) return;
  o->attrs[o->n].key = key;
  o->attrs[o->n].str = value;
  o->attrs[o->n].i64 = 0;
  ++o->n;
}
static __inline__ void orch_op_metric_i64(orch_op *o, const char *key, int64_t value) {
  if (!o->start || o->n == ORCH_OP_MAX_ATTRS) return;
  o->attrs[o->n].key = key;
  o->attrs[o->n].str = ORCH_W_NULL;
  o->attrs[o->n].i64 = value;
  ++o->n;
}

/* An attribute of the span and of the metric. */
static __inline__ void orch_op_str(orch_op *o, const char *key, const char *value) {
  orch_w_attr_cstr(&o->span, key, value);
  orch_op_metric_str(o, key, value);
}
static __inline__ void orch_op_i64(orch_op *o, const char *key, int64_t value) {
  orch_w_attr_i64(&o->span, key, value);
  orch_op_metric_i64(o, key, value);
}

/* The metric's measurement, before the span ends (a sampled span becomes its
 * exemplar). The span is left to the caller. */
static __inline__ void orch_op_record(orch_op *o, const orch_instrument *instrument) {
  if (o->start) orch_w_api()->op_record(instrument, o->start, o->attrs, o->n, &o->span);
}

/* http.request.method in a metric: a method the HTTP conventions know, else
 * `_OTHER` (a metric's attributes must stay few). */
static __inline__ const char *orch_http_metric_method(const char *method) {
  static const char *const known[] = {"CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"};
  size_t i;
  for (i = 0; method && i < sizeof known / sizeof known[0]; ++i)
    if (strcmp(method, known[i]) == 0) return known[i];
  return "_OTHER";
}

/* A database operation ends: a failure's error.type (NULL: it succeeded),
 * the database's code for it (db.response.status_code; may be NULL) and its
 * message; then the measurement and the span's end. */
static __inline__ void orch_db_end(orch_op *o, const char *error_type, const char *status_code,
                                   const char *description) {
  if (error_type && o->span.api) {
    if (status_code) orch_op_str(o, "db.response.status_code", status_code);
    orch_op_metric_str(o, "error.type", error_type);
    orch_w_failed_described(&o->span, error_type, description);
  }
  orch_op_record(o, &orch_db_client_duration);
  orch_w_end(&o->span);
}

#endif
