/* What the SQL integrations (sqlite3.h, libpq.h) share: a statement's
 * operation (its first keyword) and its text with literals replaced by `?`,
 * as the OpenTelemetry database conventions ask of unparameterized queries.
 * C and C++. */
#ifndef ORCH_INTEGRATIONS_SQL_H
#define ORCH_INTEGRATIONS_SQL_H

#include "metrics.h"
#include "sites.h"

#pragma GCC system_header

#include <ctype.h>

/* The span names: the common statement keywords; an integration's last site
 * is its fallback (the database's name). */
#define ORCH_SQL_OPERATION_SITES(function)                                                              \
  ORCH_SQL_SITE("SELECT", function), ORCH_SQL_SITE("INSERT", function), ORCH_SQL_SITE("UPDATE", function), \
      ORCH_SQL_SITE("DELETE", function), ORCH_SQL_SITE("REPLACE", function), ORCH_SQL_SITE("CREATE", function), \
      ORCH_SQL_SITE("DROP", function), ORCH_SQL_SITE("ALTER", function), ORCH_SQL_SITE("BEGIN", function),     \
      ORCH_SQL_SITE("COMMIT", function), ORCH_SQL_SITE("ROLLBACK", function), ORCH_SQL_SITE("WITH", function), \
      ORCH_SQL_SITE("PRAGMA", function), ORCH_SQL_SITE("TRUNCATE", function)
#define ORCH_SQL_SITE ORCH_CLIENT_SITE

/* The statement's first keyword, upper case, into op (at most 15 letters). */
static __inline__ void orch_sql_operation(const char *sql, char op[16]) {
  size_t n = 0;
  while (sql && *sql && (isspace((unsigned char)*sql) || *sql == '(')) ++sql;
  while (sql && n < 15 && isalpha((unsigned char)sql[n])) {
    op[n] = (char)toupper((unsigned char)sql[n]);
    ++n;
  }
  op[n] = '\0';
}

/* The query with its literals ('strings', X'blobs', E'...', numbers) replaced
 * by `?`, quoted identifiers kept; into a malloc'd string (NULL without memory). */
static __inline__ char *orch_sql_sanitized(const char *sql) {
  size_t len = strlen(sql), i = 0, o = 0;
  char *out = (char *)malloc(len + 1);
  if (!out) return ORCH_W_NULL;
  while (i < len) {
    char c = sql[i];
    int word_before = o > 0 && (isalnum((unsigned char)out[o - 1]) || out[o - 1] == '_');
    if (c == '\'' || ((c == 'x' || c == 'X' || c == 'e' || c == 'E') && !word_before && sql[i + 1] == '\'')) {
      int escapes = c == 'e' || c == 'E'; /* PostgreSQL's E'...': backslash escapes */
      if (c != '\'') ++i;
      for (++i; i < len; ++i) {
        if (escapes && sql[i] == '\\' && i + 1 < len) ++i;
        else if (sql[i] == '\'' && sql[i + 1] == '\'') ++i;
        else if (sql[i] == '\'') break;
      }
      ++i;
      out[o++] = '?';
    } else if (isdigit((unsigned char)c) && !word_before && !(o > 0 && (out[o - 1] == '$' || out[o - 1] == '?'))) {
      while (i < len && (isalnum((unsigned char)sql[i]) || sql[i] == '.')) ++i;
      out[o++] = '?';
    } else if (c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c; /* a quoted identifier: kept */
      out[o++] = sql[i++];
      while (i < len && sql[i] != close) out[o++] = sql[i++];
      if (i < len) out[o++] = sql[i++];
    } else {
      out[o++] = sql[i++];
    }
  }
  out[o] = '\0';
  return out;
}

/* db.query.text: as written when parameterized, else sanitized. */
static __inline__ void orch_sql_query_text(orch_span *span, const char *sql, int parameterized) {
  char *clean;
  if (!sql) return;
  if (parameterized) {
    orch_w_attr_cstr(span, "db.query.text", sql);
    return;
  }
  clean = orch_sql_sanitized(sql);
  if (clean) orch_w_attr_cstr(span, "db.query.text", clean);
  free(clean);
}

/* Starts the client span and the measurement of one statement: the site of
 * sites[0..n-1] named op, db.system.name, db.operation.name and (on the span)
 * db.query.text; a detached span (orch_w_start_detached_at) for a statement
 * sent now whose results come later. Returns whether the operation's
 * attributes are wanted (the caller adds its own then). */
static __inline__ int orch_sql_start(orch_op *o, orch_site *sites, size_t n, const char *system, const char *op,
                                     const char *sql, int parameterized, int detached) {
  if (detached) orch_w_start_detached_at(&o->span, orch_site_named(sites, n, op));
  else orch_w_start_at(&o->span, orch_site_named(sites, n, op));
  orch_op_begin(o);
  if (!orch_op_wanted(o)) return 0;
  strncpy(o->name, op, sizeof o->name - 1);
  o->name[sizeof o->name - 1] = '\0';
  orch_op_str(o, "db.system.name", system);
  if (o->name[0]) orch_op_str(o, "db.operation.name", o->name);
  orch_sql_query_text(&o->span, sql, parameterized);
  return 1;
}

#endif
