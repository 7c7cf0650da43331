/* Stock levels in PostgreSQL: a table made with PQexec and literals, a
   parameterized insert, a prepared query run twice, a duplicate key (an SQL
   error) and a query on a table that does not exist; then the same kinds
   sent asynchronously, their results read while other work happens, and a
   statement still unread when the connection closes. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

static void stock_show(const char *what, PGresult *res) {
  ExecStatusType s = PQresultStatus(res);
  if (s == PGRES_TUPLES_OK) printf("%s: %d rows\n", what, PQntuples(res));
  else if (s == PGRES_COMMAND_OK) printf("%s: ok %s\n", what, PQcmdTuples(res));
  else printf("%s: error %s\n", what, PQresultErrorField(res, PG_DIAG_SQLSTATE));
  PQclear(res);
}

static void stock_run(PGconn *conn) {
  const char *item[] = {"lamp", "3"};
  const char *id[] = {"1"};
  stock_show("create", PQexec(conn, "CREATE TABLE stock(id serial PRIMARY KEY, name text UNIQUE, qty int)"));
  stock_show("seed", PQexec(conn, "INSERT INTO stock(name, qty) VALUES ('towel', 42)"));
  stock_show("insert", PQexecParams(conn, "INSERT INTO stock(name, qty) VALUES ($1, $2)", 2, NULL, item, NULL, NULL, 0));
  stock_show("prepare", PQprepare(conn, "by_id", "SELECT name, qty FROM stock WHERE id = $1", 1, NULL));
  stock_show("by id", PQexecPrepared(conn, "by_id", 1, id, NULL, NULL, 0));
  stock_show("by id again", PQexecPrepared(conn, "by_id", 1, id, NULL, NULL, 0));
  stock_show("duplicate", PQexecParams(conn, "INSERT INTO stock(name, qty) VALUES ($1, $2)", 2, NULL, item, NULL, NULL, 0));
  stock_show("missing table", PQexec(conn, "SELECT * FROM nowhere WHERE id = 7"));
}

static int stock_count(int n) { return n + 1; }

static void stock_async(PGconn *conn) {
  const char *id[] = {"2"};
  PGresult *res;
  int results = 0;
  PQsendQueryParams(conn, "SELECT name FROM stock WHERE id = $1", 1, NULL, id, NULL, NULL, 0);
  while ((res = PQgetResult(conn))) {
    results = stock_count(results);
    stock_show("async by id", res);
  }
  PQsendPrepare(conn, "names", "SELECT name FROM stock ORDER BY id", 0, NULL);
  while ((res = PQgetResult(conn))) stock_show("async prepare", res);
  PQsendQueryPrepared(conn, "names", 0, NULL, NULL, NULL, 0);
  while ((res = PQgetResult(conn))) stock_show("async names", res);
  PQsendQuery(conn, "SELECT * FROM nowhere");
  while ((res = PQgetResult(conn))) stock_show("async missing table", res);
  PQsendQuery(conn, "SELECT pg_sleep(0.01)");
  printf("async results: %d\n", results);
}

int main(void) {
  PGconn *conn = PQconnectdb(getenv("PG_CONNINFO") ? getenv("PG_CONNINFO") : "");
  if (PQstatus(conn) != CONNECTION_OK) {
    fprintf(stderr, "%s", PQerrorMessage(conn));
    return 1;
  }
  stock_run(conn);
  stock_async(conn);
  PQfinish(conn);
  return 0;
}
