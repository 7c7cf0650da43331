#include "worker_pool.h"

namespace kvs {

WorkerPool::WorkerPool(std::size_t workers, const std::string &seed_path, std::size_t cache_capacity) {
  for (std::size_t i = 0; i < workers; ++i)
    shards_.push_back(std::make_unique<Shard>(i, workers, seed_path, cache_capacity));
}

void WorkerPool::submit(const Request &request) {
  shards_[shard_of(request.key, shards_.size())]->enqueue(request);
  ++submitted_;
}

std::vector<Reply> WorkerPool::drain() {
  std::vector<Reply> replies(submitted_);
  for (auto &shard : shards_) {
    shard->stop();
    for (const auto &[seq, reply] : shard->replies()) replies[seq] = reply;
  }
  return replies;
}

std::vector<ShardStats> WorkerPool::stats() const {
  std::vector<ShardStats> stats;
  for (const auto &shard : shards_) stats.push_back(shard->stats());
  return stats;
}

}  // namespace kvs
