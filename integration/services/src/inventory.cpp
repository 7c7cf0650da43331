// inventory: stock levels in PostgreSQL, every lookup written to an SQLite audit log.
//   GET /items/<id>   200 "<name> <stock>" | 404 unknown item | 500 database error
#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdio>
#include <mutex>
#include <string>

#include "serve.h"

namespace {

std::mutex mutex;  // one connection each, shared by the server's threads
PGconn *stock = nullptr;
sqlite3 *audit = nullptr;

bool ok(PGresult *res) {
  const bool good = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;
  PQclear(res);
  return good;
}

bool open_databases(const char *conninfo, const char *audit_path) {
  stock = PQconnectdb(conninfo);
  if (PQstatus(stock) != CONNECTION_OK) return false;
  return ok(PQexec(stock, "DROP TABLE IF EXISTS items")) &&
         ok(PQexec(stock, "CREATE TABLE items(id int PRIMARY KEY, name text NOT NULL, stock int NOT NULL)")) &&
         ok(PQexec(stock, "INSERT INTO items VALUES (1, 'towel', 42), (2, 'lamp', 0), (3, 'kettle', 5)")) &&
         sqlite3_open(audit_path, &audit) == SQLITE_OK &&
         sqlite3_exec(audit, "CREATE TABLE IF NOT EXISTS lookups(item TEXT, found INTEGER)", nullptr, nullptr,
                      nullptr) == SQLITE_OK;
}

void log_lookup(const std::string &id, bool found) {
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(audit, "INSERT INTO lookups(item, found) VALUES (?1, ?2)", -1, &stmt, nullptr) != SQLITE_OK)
    return;
  sqlite3_bind_text(stmt, 1, id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(stmt, 2, found);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
}

// The item's line, "" when there is none; false with the message on a database error.
bool find_item(const std::string &id, std::string &line) {
  std::lock_guard<std::mutex> lock(mutex);
  const char *values[] = {id.c_str()};
  PGresult *res = PQexecParams(stock, "SELECT name, stock FROM items WHERE id = $1", 1, nullptr, values, nullptr,
                               nullptr, 0);
  const bool good = PQresultStatus(res) == PGRES_TUPLES_OK;
  if (!good) line = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
  else if (PQntuples(res) == 1) line = std::string(PQgetvalue(res, 0, 0)) + " " + PQgetvalue(res, 0, 1);
  PQclear(res);
  if (good) log_lookup(id, !line.empty());
  return good;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 3 || !open_databases(argv[1], argv[2])) {
    std::fprintf(stderr, "usage: inventory POSTGRES_CONNINFO AUDIT_DATABASE [PORT]%s%s\n", stock ? ": " : "",
                 stock ? PQerrorMessage(stock) : "");
    return 2;
  }
  httplib::Server server;
  server.Get(R"(/items/([^/]+))", [](const httplib::Request &req, httplib::Response &res) {
    std::string line;
    if (!find_item(req.matches[1], line)) {
      res.status = 500;
      res.set_content(line, "text/plain");
    } else if (line.empty()) {
      res.status = 404;
    } else {
      res.set_content(line, "text/plain");
    }
  });
  int rc = serve(server, argc > 3 ? std::atoi(argv[3]) : 0);
  PQfinish(stock);
  sqlite3_close(audit);
  return rc;
}
