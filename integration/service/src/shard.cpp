#include "shard.h"

#include <cstdint>

namespace kvs {

std::size_t shard_of(const std::string &key, std::size_t shard_count) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : key) hash = (hash ^ c) * 16777619u;
  return hash % shard_count;
}

Shard::Shard(std::size_t index, std::size_t shard_count, const std::string &seed_path, std::size_t cache_capacity)
    : index_(index), store_(backend_, cache_capacity), handler_(store_) {
  backend_.load(seed_path, [&](const std::string &key) { return shard_of(key, shard_count) == index; });
  thread_ = std::thread(&Shard::run, this);
}

Shard::~Shard() {
  if (thread_.joinable()) stop();
}

void Shard::stop() {
  tasks_.close();
  thread_.join();
}

ShardStats Shard::stats() const {
  return {index_, replies_.size(), store_.cache().hits(), store_.cache().misses(), backend_.reads()};
}

void Shard::run() {
  while (std::optional<std::function<void()>> task = tasks_.pop()) (*task)();
}

void Shard::serve(const Request &request) {
  Reply reply;
  reply.status = handler_.handle(request, reply.body);
  replies_.emplace_back(request.seq, std::move(reply));
}

}  // namespace kvs
