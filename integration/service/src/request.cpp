#include "request.h"

#include <sstream>

namespace kvs {

const char *verb_name(Verb verb) {
  switch (verb) {
    case Verb::get: return "GET";
    case Verb::put: return "PUT";
    case Verb::del: return "DEL";
  }
  return "?";
}

Request parse_request(const std::string &line) {
  std::istringstream in(line);
  std::string verb, extra;
  Request request;
  in >> verb >> request.key;
  if (verb == "GET") request.verb = Verb::get;
  else if (verb == "PUT") request.verb = Verb::put;
  else if (verb == "DEL") request.verb = Verb::del;
  else throw ParseError("unknown verb '" + verb + "'");
  if (request.key.empty()) throw ParseError(verb + " needs a key");
  if (request.verb == Verb::put && !(in >> request.value)) throw ParseError("PUT needs a value");
  if (in >> extra) throw ParseError("unexpected '" + extra + "' after the request");
  return request;
}

}  // namespace kvs
