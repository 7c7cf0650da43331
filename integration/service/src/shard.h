#pragma once
#include "blocking_queue.h"
#include "handler.h"
#include "request.h"
#include "storage/backend.h"
#include "storage/kv_store.h"

#include <cstddef>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kvs {

struct Reply {
  int status = 0;
  std::string body;
};

struct ShardStats {
  std::size_t shard, requests, cache_hits, cache_misses, backend_reads;
};

// Which shard owns a key (FNV-1a, so that it is the same on every platform).
std::size_t shard_of(const std::string &key, std::size_t shard_count);

// One worker thread with its own task queue and its own storage (the seed
// records whose keys it owns). A key always lands on the same shard, so the
// requests for one key are served in file order whatever the thread scheduling.
class Shard {
 public:
  Shard(std::size_t index, std::size_t shard_count, const std::string &seed_path, std::size_t cache_capacity);
  ~Shard();
  Shard(const Shard &) = delete;
  Shard &operator=(const Shard &) = delete;

  void enqueue(Request request) {
    post([this, request = std::move(request)] { serve(request); });
  }
  // Runs `task` on the shard's thread, after the tasks posted before it.
  void post(std::function<void()> task) { tasks_.push(std::move(task)); }
  // Closes the queue and waits for the thread; the replies are complete after it.
  void stop();
  const std::vector<std::pair<std::size_t, Reply>> &replies() const { return replies_; }  // (seq, reply)
  ShardStats stats() const;

 private:
  void run();  // the worker thread: runs tasks until the queue is closed
  void serve(const Request &request);

  std::size_t index_;
  storage::Backend backend_;
  storage::KvStore store_;
  Handler handler_;
  BlockingQueue<std::function<void()>> tasks_;
  std::vector<std::pair<std::size_t, Reply>> replies_;
  std::thread thread_;
};

}  // namespace kvs
