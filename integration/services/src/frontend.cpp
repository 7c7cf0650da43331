// frontend: the shop's public API; item lines cached in Redis, asked of the
// inventory over HTTP on a miss.
//   GET /buy/<id>   200 "bought <name>" | 409 out of stock | 404 | 502 inventory unreachable or failing
#include <curl/curl.h>
#include <hiredis/hiredis.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <string>

#include "serve.h"

namespace {

std::string inventory_url;
std::mutex cache_mutex;
redisContext *cache = nullptr;

size_t append(char *data, size_t size, size_t n, void *out) {
  static_cast<std::string *>(out)->append(data, size * n);
  return size * n;
}

// The inventory's answer: status (0 when it cannot be reached) and body.
long ask_inventory(const std::string &id, std::string &body) {
  CURL *h = curl_easy_init();
  curl_slist *headers = curl_slist_append(nullptr, "Accept: text/plain");
  const std::string url = inventory_url + "/items/" + id;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  long status = 0;
  if (curl_easy_perform(h) == CURLE_OK) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(h);
  curl_slist_free_all(headers);
  return status;
}

bool cached(const std::string &id, std::string &line) {
  std::lock_guard<std::mutex> lock(cache_mutex);
  auto *reply = static_cast<redisReply *>(redisCommand(cache, "GET item:%s", id.c_str()));
  const bool hit = reply && reply->type == REDIS_REPLY_STRING;
  if (hit) line = reply->str;
  if (reply) freeReplyObject(reply);
  return hit;
}

void remember(const std::string &id, const std::string &line) {
  std::lock_guard<std::mutex> lock(cache_mutex);
  if (void *reply = redisCommand(cache, "SET item:%s %s EX 60", id.c_str(), line.c_str())) freeReplyObject(reply);
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: frontend INVENTORY_URL REDIS_PORT [PORT]\n");
    return 2;
  }
  inventory_url = argv[1];
  cache = redisConnect("127.0.0.1", std::atoi(argv[2]));
  if (!cache || cache->err) {
    std::fprintf(stderr, "frontend: cannot reach Redis: %s\n", cache ? cache->errstr : "no memory");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  httplib::Server server;
  server.Get(R"(/buy/([^/]+))", [](const httplib::Request &req, httplib::Response &res) {
    const std::string id = req.matches[1];
    std::string line;
    long status = 200;
    if (!cached(id, line)) {
      status = ask_inventory(id, line);
      if (status == 200) remember(id, line);
    }
    std::istringstream item(line);
    std::string name;
    int stock = 0;
    if (status == 200 && item >> name >> stock) {
      res.status = stock > 0 ? 200 : 409;
      res.set_content(stock > 0 ? "bought " + name : name + " is out of stock", "text/plain");
    } else {
      res.status = status == 404 ? 404 : 502;
    }
  });
  int rc = serve(server, argc > 3 ? std::atoi(argv[3]) : 0);
  redisFree(cache);
  curl_global_cleanup();
  return rc;
}
