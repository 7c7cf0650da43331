#include "request_file.h"

#include <fstream>
#include <stdexcept>

namespace kvs {

RequestFile read_requests(const std::string &path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read requests from " + path);
  RequestFile file;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    try {
      Request request = parse_request(line);
      request.seq = file.requests.size();
      file.requests.push_back(std::move(request));
    } catch (const ParseError &e) {
      file.rejected.push_back("line " + std::to_string(number) + ": " + e.what());
    }
  }
  return file;
}

}  // namespace kvs
