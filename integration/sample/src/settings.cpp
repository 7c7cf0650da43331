#include "settings.h"

#include <stdexcept>

namespace demo {

int parse_positive(const std::string &text) {
  int value = std::stoi(text);
  if (value <= 0) throw std::invalid_argument("not positive: " + text);
  return value;
}

int load_settings(const std::string &text) { return parse_positive(text) * 2; }

}  // namespace demo
