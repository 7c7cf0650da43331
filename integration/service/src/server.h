#pragma once
#include <cstddef>
#include <string>

namespace kvs {

struct ServerConfig {
  std::string requests_path;
  std::string seed_path;
  std::size_t workers = 3;
  std::size_t cache_capacity = 2;  // entries per shard
};

// Reads every request, serves them on a worker pool, prints the replies in
// request order and per-shard statistics. Returns the process exit status.
class Server {
 public:
  explicit Server(ServerConfig config);
  int run();

 private:
  ServerConfig config_;
};

}  // namespace kvs
