// A shop front that asks its stock service with cpp-httplib's client: plain
// calls, calls with its own headers, a call through a pointer, a 503, a call
// to a port nobody listens on, a bodiless Put (no overload takes headers), and
// a call from a class derived from the client (no object written).
// The stock service (cpp-httplib, same process) echoes what it received.
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

namespace shop {

struct StockApi : httplib::Client {
  explicit StockApi(int port) : httplib::Client("127.0.0.1", port) {}
  int level(int item) {
    auto r = Get("/items/" + std::to_string(item));
    return r ? r->status : -1;
  }
};

std::string show(const httplib::Result &r) {
  return r ? std::to_string(r->status) + " " + r->body : "error " + httplib::to_string(r.error());
}

void restock(int port) {
  httplib::Client stock("127.0.0.1", port);
  std::printf("%s\n", show(stock.Get("/items/7")).c_str());
  std::printf("%s\n", show(stock.Get("/items/8", httplib::Headers{{"X-Shop", "north"}})).c_str());
  auto orders = std::make_unique<httplib::Client>("http://127.0.0.1:" + std::to_string(port));
  std::printf("%s\n", show(orders->Post("/orders", "{\"qty\":1}", "application/json")).c_str());
  std::printf("%s\n", show(stock.Get("/busy")).c_str());
  std::printf("%s\n", show(stock.Put("/items")).c_str());
  httplib::Client down("127.0.0.1", 1);
  std::printf("%s\n", show(down.Get("/items/1")).c_str());
  std::printf("derived: %d\n", StockApi(port).level(9));
}

}  // namespace shop

int main() {
  httplib::Server stock;
  auto echo = [](const httplib::Request &req, httplib::Response &res) {
    res.set_content("shop=" + req.get_header_value("X-Shop") +
                        " traceparents=" + std::to_string(req.get_header_value_count("traceparent")),
                    "text/plain");
  };
  stock.Get(R"(/items/(\d+))", echo);
  stock.Post("/orders", echo);
  stock.Put("/items", echo);
  stock.Get("/busy", [](const httplib::Request &, httplib::Response &res) { res.status = 503; });
  int port = stock.bind_to_any_port("127.0.0.1");
  std::thread server([&] { stock.listen_after_bind(); });
  while (!stock.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  shop::restock(port);
  stock.stop();
  server.join();
}
