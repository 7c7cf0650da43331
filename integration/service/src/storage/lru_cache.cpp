#include "storage/lru_cache.h"

namespace kvs::storage {

bool LruCache::lookup(const std::string &key, std::string &value) {
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return false;
  }
  ++hits_;
  entries_.splice(entries_.begin(), entries_, it->second);
  value = it->second->second;
  return true;
}

void LruCache::insert(const std::string &key, const std::string &value) {
  erase(key);
  entries_.emplace_front(key, value);
  index_[key] = entries_.begin();
  if (entries_.size() > capacity_) {
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

void LruCache::erase(const std::string &key) {
  auto it = index_.find(key);
  if (it == index_.end()) return;
  entries_.erase(it->second);
  index_.erase(it);
}

}  // namespace kvs::storage
