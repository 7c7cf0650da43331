#pragma once
#include "request.h"
#include "storage/kv_store.h"

#include <stdexcept>
#include <string>

namespace kvs {

// A request that parses but breaks the rules of the store (key charset, numeric values).
class ValidationError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Serves one request against one shard's store. Every failure becomes a
// status: 400 invalid, 404 not found, 503 storage unavailable, 500 anything else.
class Handler {
 public:
  explicit Handler(storage::KvStore &store) : store_(store) {}
  int handle(const Request &request, std::string &reply);

 private:
  void validate(const Request &request) const;  // throws ValidationError
  storage::KvStore &store_;
};

}  // namespace kvs
