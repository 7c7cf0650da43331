#pragma once
#include "request.h"

#include <string>
#include <vector>

namespace kvs {

struct RequestFile {
  std::vector<Request> requests;
  std::vector<std::string> rejected;  // "line N: why", for lines that are not requests
};

// Reads a request file: one request per line; blank lines and `#` comments are
// skipped. Throws std::runtime_error when the file cannot be read.
RequestFile read_requests(const std::string &path);

}  // namespace kvs
