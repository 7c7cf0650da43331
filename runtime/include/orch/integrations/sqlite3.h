/* Built-in `sqlite3` (aspects/sqlite3.yaml): the program's calls of
 * sqlite3_exec and sqlite3_step go to the wrappers below, which make a client
 * span of each SQL execution: for sqlite3_exec the whole call, for a prepared
 * statement its first sqlite3_step after prepare or reset (the statement runs
 * to its first row, or to the end for statements without rows; later steps
 * only fetch rows and are not spans). Attributes follow the OpenTelemetry
 * database semantic conventions (v1.33): db.system.name=sqlite,
 * db.operation.name (the statement's first keyword), db.query.text (literals
 * replaced by `?` unless the statement has bound parameters),
 * db.namespace (the database file's name); a result code other than
 * SQLITE_OK/ROW/DONE sets status ERROR with db.response.status_code and
 * error.type (the code), the message sqlite3_errmsg gives. A statement that
 * fails to prepare (sqlite3_prepare_v2/v3) is such a span too.
 *
 * C and C++; included in place of orch/weave.h by units whose calls the
 * aspect wove, so that nothing of it is compiled elsewhere. */
#ifndef ORCH_INTEGRATIONS_SQLITE3_H
#define ORCH_INTEGRATIONS_SQLITE3_H

#include "sql.h"

#pragma GCC system_header

#include <sqlite3.h>

static orch_site orch_sqlite3_sites[] = {ORCH_SQL_OPERATION_SITES("sqlite3"), ORCH_SQL_SITE("sqlite", "sqlite3")};

static __inline__ void orch_sqlite3_begin(orch_op *o, sqlite3 *db, const char *sql, int parameterized) {
  char op[16];
  orch_sql_operation(sql, op);
  if (!orch_sql_start(o, orch_sqlite3_sites, sizeof orch_sqlite3_sites / sizeof orch_sqlite3_sites[0], "sqlite", op, sql,
                      parameterized, 0))
    return;
  if (db) {
    const char *file = sqlite3_db_filename(db, "main");
    const char *base = file ? strrchr(file, '/') : ORCH_W_NULL;
    if (file && *file) orch_op_str(o, "db.namespace", base ? base + 1 : file);
  }
}

static __inline__ void orch_sqlite3_end(orch_op *o, sqlite3 *db, int rc) {
  char code[16];
  const int failed = rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE;
  if (failed) snprintf(code, sizeof code, "%d", rc);
  orch_db_end(o, failed ? code : ORCH_W_NULL, code, !failed ? ORCH_W_NULL : db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

static __inline__ int orch_sqlite3_exec(sqlite3 *db, const char *sql, int (*callback)(void *, int, char **, char **),
                                        void *arg, char **errmsg) {
  orch_op op;
  int rc;
  orch_sqlite3_begin(&op, db, sql, 0);
  rc = sqlite3_exec(db, sql, callback, arg, errmsg);
  orch_sqlite3_end(&op, db, rc);
  return rc;
}

static __inline__ int orch_sqlite3_step(sqlite3_stmt *stmt) {
  orch_op op;
  int rc;
  if (!stmt || sqlite3_stmt_busy(stmt)) return sqlite3_step(stmt); /* fetching rows of a running statement */
  orch_sqlite3_begin(&op, sqlite3_db_handle(stmt), sqlite3_sql(stmt), sqlite3_bind_parameter_count(stmt) > 0);
  rc = sqlite3_step(stmt);
  orch_sqlite3_end(&op, sqlite3_db_handle(stmt), rc);
  return rc;
}

/* A statement that does not prepare (a syntax error, an unknown table or
 * column) is a failed execution too: a span made when the failure is known,
 * so that preparing costs no span when it succeeds (its duration is not the
 * preparation's). */
static __inline__ void orch_sqlite3_failed_prepare(sqlite3 *db, const char *sql, int bytes, int rc) {
  orch_op op;
  size_t n = 0;
  char *text;
  while ((bytes < 0 || n < (size_t)bytes) && sql[n]) ++n;
  text = (char *)malloc(n + 1);
  if (!text) return;
  memcpy(text, sql, n);
  text[n] = '\0';
  orch_sqlite3_begin(&op, db, text, 0);
  orch_sqlite3_end(&op, db, rc);
  free(text);
}

static __inline__ int orch_sqlite3_prepare_v2(sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **stmt,
                                              const char **tail) {
  int rc = sqlite3_prepare_v2(db, sql, bytes, stmt, tail);
  if (rc != SQLITE_OK && sql) orch_sqlite3_failed_prepare(db, sql, bytes, rc);
  return rc;
}

static __inline__ int orch_sqlite3_prepare_v3(sqlite3 *db, const char *sql, int bytes, unsigned int flags,
                                              sqlite3_stmt **stmt, const char **tail) {
  int rc = sqlite3_prepare_v3(db, sql, bytes, flags, stmt, tail);
  if (rc != SQLITE_OK && sql) orch_sqlite3_failed_prepare(db, sql, bytes, rc);
  return rc;
}

#endif
