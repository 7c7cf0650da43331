/* An audit log on SQLite: literals in sqlite3_exec, a prepared insert with
   parameters, a select read row by row, and two failures. */
#include <sqlite3.h>
#include <stdio.h>

static int audit_setup(sqlite3 *db) {
  return sqlite3_exec(db, "CREATE TABLE audit(id INTEGER PRIMARY KEY, who TEXT NOT NULL, amount REAL)", 0, 0, 0);
}

static int audit_record(sqlite3 *db, const char *who, double amount) {
  sqlite3_stmt *stmt = 0;
  int rc = sqlite3_prepare_v2(db, "INSERT INTO audit(who, amount) VALUES (?1, ?2)", -1, &stmt, 0);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_text(stmt, 1, who, -1, SQLITE_STATIC);
  if (who) sqlite3_bind_double(stmt, 2, amount);
  rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return rc;
}

static int audit_count(sqlite3 *db) {
  sqlite3_stmt *stmt = 0;
  int rows = 0;
  sqlite3_prepare_v2(db, "SELECT who FROM audit WHERE amount > 10 ORDER BY id", -1, &stmt, 0);
  while (sqlite3_step(stmt) == SQLITE_ROW) ++rows;
  sqlite3_reset(stmt);
  while (sqlite3_step(stmt) == SQLITE_ROW) ++rows;
  sqlite3_finalize(stmt);
  return rows;
}

int main(int argc, char **argv) {
  sqlite3 *db = 0;
  if (argc < 2 || sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  printf("setup %d\n", audit_setup(db));
  printf("exec %d\n", sqlite3_exec(db, "INSERT INTO audit(who, amount) VALUES ('alice', 12.5), ('x''y', 3)", 0, 0, 0));
  printf("record %d\n", audit_record(db, "bob", 40));
  printf("record without who %d\n", audit_record(db, 0, 0));
  printf("count %d\n", audit_count(db));
  printf("bad sql %d\n", sqlite3_exec(db, "SELEC nothing", 0, 0, 0));
  sqlite3_close(db);
  return 0;
}
