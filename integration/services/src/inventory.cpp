// inventory: stock levels in SQLite, over HTTP.
//   GET /items/<id>   200 "<name> <stock>" | 404 unknown item | 500 database error
#include <sqlite3.h>

#include <cstdio>
#include <mutex>
#include <string>

#include "serve.h"

namespace {

std::mutex db_mutex;
sqlite3 *db = nullptr;

bool open_database(const char *path) {
  if (sqlite3_open(path, &db) != SQLITE_OK) return false;
  return sqlite3_exec(db,
                      "DROP TABLE IF EXISTS items;"
                      "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, stock INTEGER NOT NULL);"
                      "INSERT INTO items VALUES (1, 'towel', 42), (2, 'lamp', 0)",
                      nullptr, nullptr, nullptr) == SQLITE_OK;
}

// The item's line, "" when there is none; false on a database error.
bool find_item(const std::string &id, std::string &line) {
  std::lock_guard<std::mutex> lock(db_mutex);
  // Ids that are not numbers reach the database as they are (a bug the traces show).
  const std::string sql = "SELECT name, stock FROM items WHERE id = " + id;
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return false;
  int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW)
    line = std::string(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))) + " " +
           std::to_string(sqlite3_column_int(stmt, 1));
  sqlite3_finalize(stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2 || !open_database(argv[1])) {
    std::fprintf(stderr, "usage: inventory DATABASE [PORT]\n");
    return 2;
  }
  httplib::Server server;
  server.Get(R"(/items/([^/]+))", [](const httplib::Request &req, httplib::Response &res) {
    std::string line;
    if (!find_item(req.matches[1], line)) {
      res.status = 500;
      res.set_content(sqlite3_errmsg(db), "text/plain");
    } else if (line.empty()) {
      res.status = 404;
    } else {
      res.set_content(line, "text/plain");
    }
  });
  int rc = serve(server, argc > 2 ? std::atoi(argv[2]) : 0);
  sqlite3_close(db);
  return rc;
}
