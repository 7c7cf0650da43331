#include "handler.h"

#include <algorithm>
#include <cctype>

namespace kvs {

namespace {
constexpr std::size_t max_key_length = 16;

bool is_key_char(unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '_'; }
bool is_digit(unsigned char c) { return std::isdigit(c); }
}  // namespace

int Handler::handle(const Request &request, std::string &reply) {
  try {
    validate(request);
    switch (request.verb) {
      case Verb::get: {
        std::optional<std::string> value = store_.get(request.key);
        reply = value ? *value : "not found";
        return value ? 200 : 404;
      }
      case Verb::put:
        reply = store_.put(request.key, request.value) ? "created" : "updated";
        return 200;
      case Verb::del:
        if (!store_.remove(request.key)) {
          reply = "not found";
          return 404;
        }
        reply = "deleted";
        return 200;
    }
    reply = "unsupported";
    return 500;
  } catch (const ValidationError &e) {
    reply = e.what();
    return 400;
  } catch (const storage::Unavailable &e) {
    reply = e.what();
    return 503;
  } catch (const std::exception &e) {
    reply = std::string("internal error: ") + e.what();
    return 500;
  }
}

void Handler::validate(const Request &request) const {
  if (request.key.size() > max_key_length)
    throw ValidationError("key longer than " + std::to_string(max_key_length) + " characters");
  if (!std::all_of(request.key.begin(), request.key.end(), is_key_char))
    throw ValidationError("key '" + request.key + "' has characters outside [a-z0-9_]");
  if (request.verb == Verb::put && !std::all_of(request.value.begin(), request.value.end(), is_digit))
    throw ValidationError("value '" + request.value + "' is not a number");
}

}  // namespace kvs
