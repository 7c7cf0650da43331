#include "server.h"

#include "request_file.h"
#include "worker_pool.h"

#include <cstdio>
#include <utility>

namespace kvs {

Server::Server(ServerConfig config) : config_(std::move(config)) {}

int Server::run() {
  RequestFile file = read_requests(config_.requests_path);
  WorkerPool pool(config_.workers, config_.seed_path, config_.cache_capacity);
  for (const Request &request : file.requests) pool.submit(request);
  const std::vector<Reply> replies = pool.drain();

  for (const std::string &rejection : file.rejected) std::printf("rejected: %s\n", rejection.c_str());
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const Request &request = file.requests[i];
    std::printf("#%zu %s %s -> %d %s\n", i, verb_name(request.verb), request.key.c_str(), replies[i].status,
                replies[i].body.c_str());
  }
  for (const ShardStats &s : pool.stats())
    std::printf("shard %zu: %zu requests, cache %zu hits %zu misses, backend %zu reads\n", s.shard, s.requests,
                s.cache_hits, s.cache_misses, s.backend_reads);
  return 0;
}

}  // namespace kvs
