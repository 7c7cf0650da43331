// A small catalog service on cpp-httplib, exercised by its own client.
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>

namespace catalog {

std::string lookup(const std::string &id) {
  if (id == "42") return "towel";
  throw std::out_of_range("no item " + id);
}

void get_item(const httplib::Request &req, httplib::Response &res) {
  res.set_content(lookup(req.matches[1]), "text/plain");
}

}  // namespace catalog

int main() {
  httplib::Server svr;
  svr.Get(R"(/items/(\d+))", catalog::get_item);
  svr.Get("/health", [](const httplib::Request &, httplib::Response &res) { res.set_content("ok", "text/plain"); });
  svr.Post("/orders", [](const httplib::Request &req, httplib::Response &res) {
    res.status = req.body.empty() ? 503 : 201;
  });
  svr.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) { res.status = 500; });
  int port = svr.bind_to_any_port("127.0.0.1");
  std::thread server([&] { svr.listen_after_bind(); });
  while (!svr.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  httplib::Client cli("127.0.0.1", port);
  auto show = [](const char *what, const httplib::Result &r) { std::printf("%s -> %d\n", what, r ? r->status : -1); };
  // orch:ignore (a caller from outside: its own traceparent headers, no client spans)
  {
    show("GET /items/42 with a traceparent",
         cli.Get("/items/42", {{"traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"},
                               {"tracestate", "vendor=abc"}}));
    show("GET /items/7", cli.Get("/items/7"));
    show("GET /health with a malformed traceparent", cli.Get("/health", {{"traceparent", "00-zz-not-a-context-01"}}));
    show("POST /orders", cli.Post("/orders", "", "text/plain"));
  }
  svr.stop();
  server.join();
}
