#pragma once
#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

namespace kvs::storage {

// A least-recently-used cache of values by key, with hit and miss counts.
class LruCache {
 public:
  explicit LruCache(std::size_t capacity) : capacity_(capacity) {}
  bool lookup(const std::string &key, std::string &value);  // true: hit, value set
  void insert(const std::string &key, const std::string &value);
  void erase(const std::string &key);
  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }

 private:
  using Entry = std::pair<std::string, std::string>;
  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace kvs::storage
