/* Built-in `libpq` (aspects/libpq.yaml): the program's calls of PQexec,
 * PQexecParams, PQprepare and PQexecPrepared go to the wrappers below, each a
 * client span with the OpenTelemetry database semantic conventions'
 * attributes (v1.33): db.system.name=postgresql, db.operation.name (the
 * statement's first keyword; PREPARE for PQprepare), db.query.text (as written
 * when parameterized, else with literals replaced by `?`; for PQexecPrepared
 * the text given to PQprepare on the same connection, when orch saw it),
 * db.namespace (the database), server.address, server.port. A result that
 * failed (none, PGRES_BAD_RESPONSE, PGRES_FATAL_ERROR) sets status ERROR with
 * the server's message and its SQLSTATE as db.response.status_code and
 * error.type.
 *
 * C and C++; included in place of orch/weave.h by units whose calls the aspect
 * wove. */
#ifndef ORCH_INTEGRATIONS_LIBPQ_H
#define ORCH_INTEGRATIONS_LIBPQ_H

#include "sql.h"

#pragma GCC system_header

#include <libpq-fe.h>
#include <pthread.h>

static orch_site orch_pq_sites[] = {ORCH_SQL_OPERATION_SITES("libpq"), ORCH_SQL_SITE("PREPARE", "libpq"),
                                    ORCH_SQL_SITE("postgresql", "libpq")};

/* The statements PQprepare prepared, by connection and name, for
 * PQexecPrepared: one list for the whole program (weak symbols, shared by
 * every unit including this header). */
typedef struct orch_pq_prepared {
  struct orch_pq_prepared *next;
  const PGconn *conn;
  char *name;
  char *query;
} orch_pq_prepared;
__attribute__((weak)) orch_pq_prepared *orch_pq_prepared_list;
__attribute__((weak)) pthread_mutex_t orch_pq_prepared_mutex = PTHREAD_MUTEX_INITIALIZER;

static __inline__ char *orch_pq_copy(const char *text) {
  size_t n = strlen(text) + 1;
  char *copy = (char *)malloc(n);
  if (copy) memcpy(copy, text, n);
  return copy;
}

static __inline__ void orch_pq_remember(const PGconn *conn, const char *name, const char *query) {
  orch_pq_prepared *p = (orch_pq_prepared *)malloc(sizeof *p);
  if (!p) return;
  p->conn = conn;
  p->name = orch_pq_copy(name ? name : "");
  p->query = orch_pq_copy(query ? query : "");
  if (!p->name || !p->query) {
    free(p->name);
    free(p->query);
    free(p);
    return;
  }
  pthread_mutex_lock(&orch_pq_prepared_mutex);
  p->next = orch_pq_prepared_list;
  orch_pq_prepared_list = p;
  pthread_mutex_unlock(&orch_pq_prepared_mutex);
}

/* The query prepared under `name` on `conn`, copied into a malloc'd string (NULL if unknown). */
static __inline__ char *orch_pq_prepared_query(const PGconn *conn, const char *name) {
  orch_pq_prepared *p;
  char *query = ORCH_W_NULL;
  pthread_mutex_lock(&orch_pq_prepared_mutex);
  for (p = orch_pq_prepared_list; p && !query; p = p->next)
    if (p->conn == conn && strcmp(p->name, name ? name : "") == 0) query = orch_pq_copy(p->query);
  pthread_mutex_unlock(&orch_pq_prepared_mutex);
  return query;
}

static __inline__ void orch_pq_begin(orch_op *o, PGconn *conn, const char *query, int parameterized,
                                     const char *operation, int detached) {
  char op[16];
  const char *host, *port, *db;
  if (operation) {
    strncpy(op, operation, sizeof op - 1);
    op[sizeof op - 1] = '\0';
  } else {
    orch_sql_operation(query, op);
  }
  if (!orch_sql_start(o, orch_pq_sites, sizeof orch_pq_sites / sizeof orch_pq_sites[0], "postgresql", op, query,
                      parameterized, detached))
    return;
  db = conn ? PQdb(conn) : ORCH_W_NULL;
  host = conn ? PQhost(conn) : ORCH_W_NULL;
  port = conn ? PQport(conn) : ORCH_W_NULL;
  if (db && *db) orch_op_str(o, "db.namespace", db);
  if (host && *host) orch_op_str(o, "server.address", host);
  if (port && *port) orch_op_i64(o, "server.port", atoi(port));
}

/* A result's failure: its error.type (NULL: it did not fail), SQLSTATE (may
 * be NULL) and message; `res` NULL is a failure without a result. */
typedef struct orch_pq_failure {
  const char *type, *sqlstate, *message;
} orch_pq_failure;
static __inline__ orch_pq_failure orch_pq_failure_of(PGconn *conn, const PGresult *res) {
  orch_pq_failure f = {ORCH_W_NULL, ORCH_W_NULL, ORCH_W_NULL};
  ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (status != PGRES_BAD_RESPONSE && status != PGRES_FATAL_ERROR) return f;
  f.sqlstate = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : ORCH_W_NULL;
  f.type = f.sqlstate ? f.sqlstate : res ? PQresStatus(status) : "no result";
  f.message = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : ORCH_W_NULL;
  if (!f.message && conn) f.message = PQerrorMessage(conn);
  return f;
}

static __inline__ PGresult *orch_pq_end(orch_op *o, PGconn *conn, PGresult *res) {
  orch_pq_failure f = orch_pq_failure_of(conn, res);
  orch_db_end(o, f.type, f.sqlstate, f.message);
  return res;
}

static __inline__ PGresult *orch_PQexec(PGconn *conn, const char *query) {
  orch_op op;
  orch_pq_begin(&op, conn, query, 0, ORCH_W_NULL, 0);
  return orch_pq_end(&op, conn, PQexec(conn, query));
}

static __inline__ PGresult *orch_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                                              const char *const *paramValues, const int *paramLengths,
                                              const int *paramFormats, int resultFormat) {
  orch_op op;
  orch_pq_begin(&op, conn, command, nParams > 0, ORCH_W_NULL, 0);
  return orch_pq_end(&op, conn,
                     PQexecParams(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat));
}

static __inline__ PGresult *orch_PQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams,
                                           const Oid *paramTypes) {
  orch_op op;
  PGresult *res;
  orch_pq_begin(&op, conn, query, 1, "PREPARE", 0);
  res = orch_pq_end(&op, conn, PQprepare(conn, stmtName, query, nParams, paramTypes));
  if (res && PQresultStatus(res) == PGRES_COMMAND_OK) orch_pq_remember(conn, stmtName, query);
  return res;
}

static __inline__ PGresult *orch_PQexecPrepared(PGconn *conn, const char *stmtName, int nParams,
                                                const char *const *paramValues, const int *paramLengths,
                                                const int *paramFormats, int resultFormat) {
  orch_op op;
  char *query = orch_pq_prepared_query(conn, stmtName);
  orch_pq_begin(&op, conn, query, 1, ORCH_W_NULL, 0);
  free(query);
  return orch_pq_end(&op, conn,
                     PQexecPrepared(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat));
}

#endif
