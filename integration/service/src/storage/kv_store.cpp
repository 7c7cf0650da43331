#include "storage/kv_store.h"

namespace kvs::storage {

std::optional<std::string> KvStore::get(const std::string &key) {
  std::string value;
  if (cache_.lookup(key, value)) return value;
  std::optional<std::string> stored = read_with_retry(key);
  if (stored) cache_.insert(key, *stored);
  return stored;
}

bool KvStore::put(const std::string &key, const std::string &value) {
  const bool created = backend_.write(key, value);
  cache_.insert(key, value);
  return created;
}

bool KvStore::remove(const std::string &key) {
  cache_.erase(key);
  return backend_.erase(key);
}

std::optional<std::string> KvStore::read_with_retry(const std::string &key) {
  for (int attempt = 1;; ++attempt) {
    try {
      return backend_.read(key);
    } catch (const TransientError &) {
      if (attempt == max_attempts)
        throw Unavailable("'" + key + "' unavailable after " + std::to_string(max_attempts) + " attempts");
    }
  }
}

}  // namespace kvs::storage
