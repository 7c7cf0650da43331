// The cost of the built-in integrations' wrappers against the same calls
// without them, woven by orch itself (bench_integrations.yaml): a prepared
// SQLite statement executed (bind, step, reset) on an in-memory database, and
// an HTTP GET with libcurl (a reused handle with a header of its own) to a
// cpp-httplib server on a loopback port in this process.
#include <benchmark/benchmark.h>
#include <curl/curl.h>
#include <httplib.h>
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <thread>

namespace {

struct Database {
  sqlite3 *db = nullptr;
  sqlite3_stmt *stmt = nullptr;
  Database() {
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER); INSERT INTO t VALUES (1, 10), (2, 20)",
                 nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db, "SELECT v FROM t WHERE id = ?1", -1, &stmt, nullptr);
  }
  ~Database() {
    sqlite3_finalize(stmt);
    sqlite3_close(db);
  }
};

int plain_query(sqlite3_stmt *stmt, int id) {
  sqlite3_bind_int(stmt, 1, id);
  int v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
  sqlite3_reset(stmt);
  return v;
}

int woven_query(sqlite3_stmt *stmt, int id) {
  sqlite3_bind_int(stmt, 1, id);
  int v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
  sqlite3_reset(stmt);
  return v;
}

void BM_Sqlite3Plain(benchmark::State &state) {
  Database d;
  for (auto _ : state) benchmark::DoNotOptimize(plain_query(d.stmt, 1));
}
void BM_Sqlite3Woven(benchmark::State &state) {
  Database d;
  for (auto _ : state) benchmark::DoNotOptimize(woven_query(d.stmt, 1));
}
BENCHMARK(BM_Sqlite3Plain);
BENCHMARK(BM_Sqlite3Woven);

size_t discard(char *, size_t size, size_t n, void *) { return size * n; }

struct Server {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  Server() {
    server.Get("/ping", [](const httplib::Request &, httplib::Response &res) { res.set_content("pong", "text/plain"); });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Server() {
    server.stop();
    thread.join();
  }
};

CURL *plain_handle(const std::string &url, curl_slist *headers) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
  return h;
}
CURL *woven_handle(const std::string &url, curl_slist *headers) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
  return h;
}
CURLcode plain_get(CURL *h) { return curl_easy_perform(h); }
CURLcode woven_get(CURL *h) { return curl_easy_perform(h); }

template <CURL *(*make)(const std::string &, curl_slist *), CURLcode (*get)(CURL *)>
void curl_benchmark(benchmark::State &state) {
  static Server server;
  curl_slist *headers = curl_slist_append(nullptr, "X-Bench: 1");
  CURL *h = make("http://127.0.0.1:" + std::to_string(server.port) + "/ping", headers);
  for (auto _ : state) benchmark::DoNotOptimize(get(h));
  curl_easy_cleanup(h);
  curl_slist_free_all(headers);
}
void BM_CurlPlain(benchmark::State &state) { curl_benchmark<plain_handle, plain_get>(state); }
void BM_CurlWoven(benchmark::State &state) { curl_benchmark<woven_handle, woven_get>(state); }
BENCHMARK(BM_CurlPlain);
BENCHMARK(BM_CurlWoven);

}  // namespace

BENCHMARK_MAIN();
