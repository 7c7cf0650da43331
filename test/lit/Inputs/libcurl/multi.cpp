// A storefront that asks for three prices at once with libcurl's multi
// interface (its own header list on one handle, a 404, a port nobody listens
// on) and does other work while they run; the price service (cpp-httplib,
// same process) echoes what it received.
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

int tick(int i) { return i + 1; }

void fetch_all(int port) {
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  const std::string urls[] = {base + "/price/42", base + "/price/7", "http://127.0.0.1:1/unreachable"};
  std::string bodies[3];
  CURL *handles[3];
  curl_slist *headers = curl_slist_append(nullptr, "X-Shop: north");
  CURLM *multi = curl_multi_init();
  for (int i = 0; i < 3; ++i) {
    handles[i] = curl_easy_init();
    curl_easy_setopt(handles[i], CURLOPT_URL, urls[i].c_str());
    curl_easy_setopt(handles[i], CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(handles[i], CURLOPT_WRITEDATA, &bodies[i]);
    if (i == 0) curl_easy_setopt(handles[i], CURLOPT_HTTPHEADER, headers);
    curl_multi_add_handle(multi, handles[i]);
  }
  int running = 1, ticks = 0;
  while (running) {
    curl_multi_perform(multi, &running);
    ticks = tick(ticks);
    if (running) curl_multi_poll(multi, nullptr, 0, 100, nullptr);
  }
  int left = 0;
  while (CURLMsg *msg = curl_multi_info_read(multi, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    long status = 0;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &status);
    int i = msg->easy_handle == handles[0] ? 0 : msg->easy_handle == handles[1] ? 1 : 2;
    std::printf("%d: %s\n", i,
                msg->data.result == CURLE_OK ? (std::to_string(status) + " " + bodies[i]).c_str() : "curl error");
  }
  for (CURL *h : handles) {
    curl_multi_remove_handle(multi, h);
    curl_easy_cleanup(h);
  }
  curl_multi_cleanup(multi);
  curl_slist_free_all(headers);
  std::printf("ticked: %s\n", ticks > 0 ? "yes" : "no");
}

}  // namespace store

int main() {
  httplib::Server prices;
  prices.Get(R"(/price/(\d+))", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content("shop=" + req.get_header_value("X-Shop") +
                        " shops=" + std::to_string(req.get_header_value_count("X-Shop")) +
                        " traceparents=" + std::to_string(req.get_header_value_count("traceparent")),
                    "text/plain");
    if (req.path == "/price/7") res.status = 404;
  });
  int port = prices.bind_to_any_port("127.0.0.1");
  std::thread server([&] { prices.listen_after_bind(); });
  while (!prices.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  curl_global_init(CURL_GLOBAL_DEFAULT);
  store::fetch_all(port);
  curl_global_cleanup();
  prices.stop();
  server.join();
}
