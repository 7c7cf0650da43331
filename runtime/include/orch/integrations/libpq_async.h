/* Built-in `libpq`, asynchronous queries (aspects/libpq.yaml): a statement
 * sent with PQsendQuery, PQsendQueryParams, PQsendPrepare or
 * PQsendQueryPrepared is a client span from the send until PQgetResult
 * returns NULL (its results are all read), with the attributes of the
 * synchronous calls (libpq.h); a failed result among them (the first) sets
 * status ERROR with its SQLSTATE. The span is a child of the span current at
 * the send, never current itself: the program does other things while the
 * statement runs. A send that fails is a span that ends at once, failed; a
 * connection closed (PQfinish) with a statement open ends its span with
 * error.type `_OTHER`. Connections in pipeline mode are left alone (several
 * statements in flight, their results told apart by PGRES_PIPELINE_SYNC).
 *
 * C and C++; included in place of orch/weave.h by units whose calls the
 * aspect wove. */
#ifndef ORCH_INTEGRATIONS_LIBPQ_ASYNC_H
#define ORCH_INTEGRATIONS_LIBPQ_ASYNC_H

#include "libpq.h"

#pragma GCC system_header

/* A statement sent and not yet read to its end: one list for the whole
 * program (weak symbols, shared by every unit including this header), as the
 * send and the reads may be in different units. */
typedef struct orch_pq_statement {
  struct orch_pq_statement *next;
  const PGconn *conn;
  orch_op op;
  char *type, *sqlstate, *message; /* the first failure's (malloc'd; type NULL: none) */
} orch_pq_statement;
__attribute__((weak)) orch_pq_statement *orch_pq_statements;
__attribute__((weak)) pthread_mutex_t orch_pq_statements_mutex = PTHREAD_MUTEX_INITIALIZER;

/* The open statement of `conn`, taken out of the list when `take`; NULL if none. Locked by the caller. */
static __inline__ orch_pq_statement *orch_pq_statement_of(const PGconn *conn, int take) {
  orch_pq_statement **p;
  for (p = &orch_pq_statements; *p; p = &(*p)->next) {
    orch_pq_statement *s = *p;
    if (s->conn != conn) continue;
    if (take) *p = s->next;
    return s;
  }
  return ORCH_W_NULL;
}

static __inline__ void orch_pq_statement_end(orch_pq_statement *s) {
  orch_db_end(&s->op, s->type, s->sqlstate, s->message);
  free(s->type);
  free(s->sqlstate);
  free(s->message);
  free(s);
}

/* Before a send: its span, unless the connection is in pipeline mode. */
static __inline__ orch_pq_statement *orch_pq_send_begin(PGconn *conn, const char *query, int parameterized,
                                                        const char *operation) {
  orch_pq_statement *s;
  if (!conn || PQpipelineStatus(conn) != PQ_PIPELINE_OFF) return ORCH_W_NULL;
  s = (orch_pq_statement *)calloc(1, sizeof *s);
  if (!s) return ORCH_W_NULL;
  s->conn = conn;
  orch_pq_begin(&s->op, conn, query, parameterized, operation, 1);
  return s;
}

/* After a send that returned `sent`: the statement is open until its last
 * result, or (not sent) its span ends now, failed. */
static __inline__ int orch_pq_send_end(orch_pq_statement *s, PGconn *conn, int sent) {
  if (!s) return sent;
  if (!sent) {
    orch_db_end(&s->op, "_OTHER", ORCH_W_NULL, PQerrorMessage(conn));
    free(s);
    return sent;
  }
  pthread_mutex_lock(&orch_pq_statements_mutex);
  s->next = orch_pq_statements;
  orch_pq_statements = s;
  pthread_mutex_unlock(&orch_pq_statements_mutex);
  return sent;
}

static __inline__ char *orch_pq_strdup(const char *text) { return text ? orch_pq_copy(text) : ORCH_W_NULL; }

static __inline__ PGresult *orch_PQgetResult(PGconn *conn) {
  PGresult *res = PQgetResult(conn);
  orch_pq_statement *s;
  pthread_mutex_lock(&orch_pq_statements_mutex);
  s = orch_pq_statement_of(conn, res == ORCH_W_NULL);
  if (s && res && !s->type) {
    orch_pq_failure f = orch_pq_failure_of(conn, res);
    if (f.type) {
      s->type = orch_pq_strdup(f.type);
      s->sqlstate = orch_pq_strdup(f.sqlstate);
      s->message = orch_pq_strdup(f.message);
    }
  }
  pthread_mutex_unlock(&orch_pq_statements_mutex);
  if (s && !res) orch_pq_statement_end(s);
  return res;
}

static __inline__ void orch_PQfinish(PGconn *conn) {
  orch_pq_statement *s;
  pthread_mutex_lock(&orch_pq_statements_mutex);
  s = orch_pq_statement_of(conn, 1);
  pthread_mutex_unlock(&orch_pq_statements_mutex);
  if (s && !s->type) {
    s->type = orch_pq_strdup("_OTHER");
    s->message = orch_pq_strdup("the connection was closed before the statement's results were read");
  }
  if (s) orch_pq_statement_end(s);
  PQfinish(conn);
}

static __inline__ int orch_PQsendQuery(PGconn *conn, const char *query) {
  orch_pq_statement *s = orch_pq_send_begin(conn, query, 0, ORCH_W_NULL);
  return orch_pq_send_end(s, conn, PQsendQuery(conn, query));
}

static __inline__ int orch_PQsendQueryParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                                             const char *const *paramValues, const int *paramLengths,
                                             const int *paramFormats, int resultFormat) {
  orch_pq_statement *s = orch_pq_send_begin(conn, command, nParams > 0, ORCH_W_NULL);
  return orch_pq_send_end(
      s, conn, PQsendQueryParams(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat));
}

static __inline__ int orch_PQsendPrepare(PGconn *conn, const char *stmtName, const char *query, int nParams,
                                         const Oid *paramTypes) {
  orch_pq_statement *s = orch_pq_send_begin(conn, query, 1, "PREPARE");
  int sent = orch_pq_send_end(s, conn, PQsendPrepare(conn, stmtName, query, nParams, paramTypes));
  if (sent) orch_pq_remember(conn, stmtName, query);
  return sent;
}

static __inline__ int orch_PQsendQueryPrepared(PGconn *conn, const char *stmtName, int nParams,
                                               const char *const *paramValues, const int *paramLengths,
                                               const int *paramFormats, int resultFormat) {
  char *query = orch_pq_prepared_query(conn, stmtName);
  orch_pq_statement *s = orch_pq_send_begin(conn, query, 1, ORCH_W_NULL);
  free(query);
  return orch_pq_send_end(
      s, conn, PQsendQueryPrepared(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat));
}

#endif
