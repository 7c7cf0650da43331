// A storefront that asks a price service over HTTP with libcurl, reusing one
// handle with its own headers; the price service (cpp-httplib, same process)
// echoes what it received.
#include <curl/curl.h>
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace store {

size_t collect(char *data, size_t size, size_t n, void *out) {
  static_cast<std::string *>(out)->append(data, size * n);
  return size * n;
}

std::string ask(CURL *h, const std::string &url) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(h);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  return rc == CURLE_OK ? std::to_string(status) + " " + body : std::string("curl error ") + std::to_string(rc);
}

void checkout(int port) {
  CURL *h = curl_easy_init();
  curl_slist *headers = curl_slist_append(nullptr, "X-Shop: north");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  const std::string base = "http://user:secret@127.0.0.1:" + std::to_string(port);
  std::printf("%s\n", ask(h, base + "/price/42?sig=abc&currency=EUR").c_str());
  std::printf("%s\n", ask(h, base + "/price/7").c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "qty=1");
  std::printf("%s\n", ask(h, base + "/orders").c_str());
  curl_easy_reset(h);
  std::printf("%s\n", ask(h, "http://127.0.0.1:1/unreachable").c_str());
  curl_easy_cleanup(h);
  curl_slist_free_all(headers);
}

}  // namespace store

int main() {
  httplib::Server prices;
  auto echo = [](const httplib::Request &req, httplib::Response &res) {
    res.set_content("shop=" + req.get_header_value("X-Shop") +
                        " shops=" + std::to_string(req.get_header_value_count("X-Shop")) +
                        " traceparents=" + std::to_string(req.get_header_value_count("traceparent")),
                    "text/plain");
    if (req.path == "/price/7") res.status = 404;
  };
  prices.Get(R"(/price/(\d+))", echo);
  prices.Post("/orders", echo);
  int port = prices.bind_to_any_port("127.0.0.1");
  std::thread server([&] { prices.listen_after_bind(); });
  while (!prices.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  curl_global_init(CURL_GLOBAL_DEFAULT);
  store::checkout(port);
  curl_global_cleanup();
  prices.stop();
  server.join();
}
