// kvs [REQUESTS SEED]: serves the requests of a file against a store loaded from
// a seed file and prints one reply per request, in request order, then statistics.
#include "server.h"

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char **argv) {
  const std::string data_dir = KVS_DATA_DIR;
  kvs::ServerConfig config;
  config.requests_path = argc > 1 ? argv[1] : data_dir + "/requests.txt";
  config.seed_path = argc > 2 ? argv[2] : data_dir + "/seed.txt";
  try {
    kvs::Server server(config);
    return server.run();
  } catch (const std::exception &e) {
    std::fprintf(stderr, "kvs: %s\n", e.what());
    return 1;
  }
}
