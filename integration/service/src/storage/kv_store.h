#pragma once
#include "storage/backend.h"
#include "storage/errors.h"
#include "storage/lru_cache.h"

#include <cstddef>
#include <optional>
#include <string>

namespace kvs::storage {

// A write-through cache in front of a backend. Reads retry transient backend
// failures up to max_attempts times, then throw Unavailable; a CorruptRecord
// is not retried and propagates to the caller.
class KvStore {
 public:
  static constexpr int max_attempts = 3;

  KvStore(Backend &backend, std::size_t cache_capacity) : backend_(backend), cache_(cache_capacity) {}
  std::optional<std::string> get(const std::string &key);
  bool put(const std::string &key, const std::string &value);  // true: a new key
  bool remove(const std::string &key);                         // true: the key existed
  const LruCache &cache() const { return cache_; }

 private:
  std::optional<std::string> read_with_retry(const std::string &key);

  Backend &backend_;
  LruCache cache_;
};

}  // namespace kvs::storage
