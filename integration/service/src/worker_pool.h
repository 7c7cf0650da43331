#pragma once
#include "request.h"
#include "shard.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace kvs {

// Dispatches requests to one shard per worker thread, by key.
class WorkerPool {
 public:
  WorkerPool(std::size_t workers, const std::string &seed_path, std::size_t cache_capacity);
  void submit(const Request &request);
  // Stops the workers and returns every reply, in request order.
  std::vector<Reply> drain();
  std::vector<ShardStats> stats() const;

 private:
  std::vector<std::unique_ptr<Shard>> shards_;
  std::size_t submitted_ = 0;
};

}  // namespace kvs
