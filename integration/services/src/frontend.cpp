// frontend: the shop's public API, asking the inventory over HTTP.
//   GET /buy/<id>   200 "bought <name>" | 409 out of stock | 404 | 502 inventory unreachable or failing
#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "serve.h"

namespace {

std::string inventory_url;

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

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: frontend INVENTORY_URL [PORT]\n");
    return 2;
  }
  inventory_url = argv[1];
  curl_global_init(CURL_GLOBAL_DEFAULT);
  httplib::Server server;
  server.Get(R"(/buy/([^/]+))", [](const httplib::Request &req, httplib::Response &res) {
    std::string body;
    const long status = ask_inventory(req.matches[1], body);
    std::istringstream item(body);
    std::string name;
    int stock = 0;
    if (status == 200 && item >> name >> stock) {
      res.status = stock > 0 ? 200 : 409;
      res.set_content(stock > 0 ? "bought " + name : name + " is out of stock", "text/plain");
    } else {
      res.status = status == 404 ? 404 : 502;
    }
  });
  int rc = serve(server, argc > 2 ? std::atoi(argv[2]) : 0);
  curl_global_cleanup();
  return rc;
}
