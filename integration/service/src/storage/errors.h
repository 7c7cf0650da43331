#pragma once
#include <stdexcept>

namespace kvs::storage {

// The backend could not serve a read this time; trying again may work.
class TransientError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A record whose stored bytes are unreadable: retrying cannot help.
class CorruptRecord : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Still failing after every retry.
class Unavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kvs::storage
