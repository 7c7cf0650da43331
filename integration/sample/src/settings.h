#pragma once
#include <string>

namespace demo {
int parse_positive(const std::string &text);
int load_settings(const std::string &text);
}  // namespace demo
