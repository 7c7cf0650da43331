#pragma once
#include <stdexcept>
#include <string>

namespace kvs {

enum class Verb { get, put, del };
const char *verb_name(Verb verb);

// One line of the request file: `GET key`, `PUT key value` or `DEL key`.
struct Request {
  std::size_t seq = 0;  // position among the accepted requests; replies are printed in this order
  Verb verb = Verb::get;
  std::string key;
  std::string value;
};

// A line that is not a request (syntax): rejected before it reaches a worker.
class ParseError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

Request parse_request(const std::string &line);  // throws ParseError

}  // namespace kvs
