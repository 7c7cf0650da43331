#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace kvs::storage {

// The durable side of a shard: records loaded from a seed file, then kept in
// memory. The seed file also injects faults, so that error paths are exercised
// deterministically: `key value busy=N` fails the first N reads of the key with
// TransientError; `key value corrupt` fails every read with CorruptRecord.
class Backend {
 public:
  // Loads the records of a seed file whose key `owns` accepts. Throws
  // std::runtime_error when the file cannot be read or a line is malformed.
  void load(const std::string &seed_path, const std::function<bool(const std::string &)> &owns);
  std::optional<std::string> read(const std::string &key);
  bool write(const std::string &key, const std::string &value);  // true: a new record
  bool erase(const std::string &key);                            // true: there was a record
  std::size_t reads() const { return reads_; }

 private:
  struct Record {
    std::string value;
    int busy_reads = 0;  // reads left that fail with TransientError
    bool corrupt = false;
  };
  std::map<std::string, Record> records_;
  std::size_t reads_ = 0;
};

}  // namespace kvs::storage
