#include "config/env.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace orch::rt {

Getenv process_env() {
  return [](const char *name) { return std::getenv(name); };
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<std::string> EnvReader::str(const char *name) const {
  const char *raw = getenv_(name);
  if (!raw) return std::nullopt;
  std::string_view v = trim(raw);
  if (v.empty()) return std::nullopt;
  return std::string(v);
}

std::optional<std::string> EnvReader::lower(const char *name) const {
  auto v = str(name);
  if (v) std::transform(v->begin(), v->end(), v->begin(), [](unsigned char c) { return std::tolower(c); });
  return v;
}

bool EnvReader::boolean(const char *name, bool fallback) const {
  auto v = lower(name);
  if (!v) return fallback;
  if (*v == "true") return true;
  if (*v == "false") return false;
  warn(std::string(name) + "=" + *v + " is not true or false; using " + (fallback ? "true" : "false"));
  return fallback;
}

int64_t EnvReader::integer(const char *name, int64_t fallback, int64_t min, int64_t max) const {
  auto v = str(name);
  if (!v) return fallback;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), value);
  if (ec != std::errc() || end != v->data() + v->size() || value < min || value > max) {
    warn(std::string(name) + "=" + *v + " is not an integer in [" + std::to_string(min) + ", " +
         std::to_string(max) + "]; using " + std::to_string(fallback));
    return fallback;
  }
  return value;
}

std::optional<std::vector<size_t>> EnvReader::exporter_list(const char *name,
                                                           std::span<const std::string_view> known) const {
  const auto list = lower(name);
  if (!list) return std::nullopt;
  std::string choices;
  for (std::string_view k : known) choices.append(k).append(", ");
  choices += "none";
  std::vector<size_t> chosen;
  bool none = false, unknown = false;
  std::string_view rest = *list;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (item.empty()) continue;
    if (item == "none") {
      none = true;
      continue;
    }
    const size_t at = std::find(known.begin(), known.end(), item) - known.begin();
    if (at == known.size()) {
      warn(std::string(name) + ": " + std::string(item) + " is not one of " + choices + "; ignored");
      unknown = true;
    } else if (std::find(chosen.begin(), chosen.end(), at) == chosen.end()) {
      chosen.push_back(at);
    }
  }
  if (none && !chosen.empty()) warn(std::string(name) + "=" + *list + ": `none` ignored beside other exporters");
  if (chosen.empty() && !none) {
    if (!unknown) warn(std::string(name) + "=" + *list + " names no exporter; using " + std::string(known.front()));
    chosen.push_back(0);
  }
  return chosen;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool percent_decode(std::string_view in, std::string &out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi << 4 | lo));
    i += 2;
  }
  return true;
}

}  // namespace orch::rt
