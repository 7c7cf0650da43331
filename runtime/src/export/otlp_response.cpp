#include "otlp_response.h"

#include <charconv>
#include <optional>

namespace orch::rt {
namespace {

// ---- protobuf ---------------------------------------------------------------

class ProtoReader {
public:
  explicit ProtoReader(std::string_view in) : in_(in) {}
  bool done() const { return in_.empty(); }

  std::optional<uint64_t> varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && !in_.empty(); shift += 7) {
      const auto byte = static_cast<uint8_t>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    return std::nullopt;
  }
  std::optional<std::string_view> bytes() {
    auto n = varint();
    if (!n || *n > in_.size()) return std::nullopt;
    std::string_view out = in_.substr(0, *n);
    in_.remove_prefix(*n);
    return out;
  }
  // Skips a field of this wire type; false on malformed input.
  bool skip(uint32_t wire_type) {
    switch (wire_type) {
    case 0: return varint().has_value();
    case 1: return advance(8);
    case 2: return bytes().has_value();
    case 5: return advance(4);
    default: return false;
    }
  }

private:
  bool advance(size_t n) {
    if (n > in_.size()) return false;
    in_.remove_prefix(n);
    return true;
  }
  std::string_view in_;
};

// Export{Trace,Metrics}PartialSuccess { int64 rejected_<items> = 1; string error_message = 2; }
std::optional<PartialSuccess> read_partial_success(std::string_view message) {
  ProtoReader r(message);
  PartialSuccess out;
  while (!r.done()) {
    auto tag = r.varint();
    if (!tag) return std::nullopt;
    const uint64_t field = *tag >> 3, wire = *tag & 7;
    if (field == 1 && wire == 0) {
      auto v = r.varint();
      if (!v) return std::nullopt;
      out.rejected = static_cast<int64_t>(*v) > 0 ? *v : 0;
    } else if (field == 2 && wire == 2) {
      auto s = r.bytes();
      if (!s) return std::nullopt;
      out.error_message.assign(*s);
    } else if (!r.skip(static_cast<uint32_t>(wire))) {
      return std::nullopt;
    }
  }
  return out;
}

// ---- JSON -------------------------------------------------------------------

// Just enough JSON to find two fields in a small, trusted-shape object; any
// syntax error abandons the whole body.
class JsonReader {
public:
  explicit JsonReader(std::string_view in) : in_(in) {}

  bool at_end() {
    ws();
    return pos_ == in_.size();
  }
  // Calls on_member(key) for every member of the object here; on_member
  // must consume the value. False on a syntax error.
  template <class F> bool object(F &&on_member) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    do {
      std::string key;
      if (!string(key) || !eat(':') || !on_member(key)) return false;
    } while (eat(','));
    return eat('}');
  }
  bool string(std::string &out) {
    if (!eat('"')) return false;
    while (pos_ < in_.size()) {
      char c = in_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= in_.size()) return false;
      c = in_[pos_++];
      switch (c) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u':  // kept as '?': the message is only printed
        if (pos_ + 4 > in_.size()) return false;
        pos_ += 4;
        out.push_back('?');
        break;
      default: out.push_back(c);  // " \ /
      }
    }
    return false;
  }
  // A non-negative integer given as a number or as a decimal string.
  bool uint64(uint64_t &out) {
    ws();
    const bool quoted = peek() == '"';
    if (quoted) ++pos_;
    if (peek() == '-') {  // a negative count means nothing was rejected
      ++pos_;
      out = 0;
      while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') ++pos_;
    } else {
      auto [end, ec] = std::from_chars(in_.data() + pos_, in_.data() + in_.size(), out);
      if (ec != std::errc()) return false;
      pos_ = end - in_.data();
    }
    return !quoted || eat('"');
  }
  bool skip_value() {
    ws();
    const char c = peek();
    if (c == '{') return object([this](const std::string &) { return skip_value(); });
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    if (c == '[') {
      ++pos_;
      if (eat(']')) return true;
      do
        if (!skip_value()) return false;
      while (eat(','));
      return eat(']');
    }
    const size_t start = pos_;  // number, true, false, null
    while (pos_ < in_.size() && std::string_view("{}[],: \t\r\n\"").find(in_[pos_]) == std::string_view::npos) ++pos_;
    return pos_ > start;
  }

private:
  void ws() {
    while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r'))
      ++pos_;
  }
  char peek() const { return pos_ < in_.size() ? in_[pos_] : '\0'; }
  bool eat(char c) {
    ws();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

PartialSuccess parse_partial_success_proto(std::string_view body) {
  ProtoReader r(body);
  PartialSuccess found;
  while (!r.done()) {
    auto tag = r.varint();
    if (!tag) return {};
    if ((*tag >> 3) == 1 && (*tag & 7) == 2) {
      auto message = r.bytes();
      auto ps = message ? read_partial_success(*message) : std::nullopt;
      if (!ps) return {};
      found = std::move(*ps);
    } else if (!r.skip(static_cast<uint32_t>(*tag & 7))) {
      return {};
    }
  }
  return found;
}

PartialSuccess parse_partial_success_json(std::string_view body) {
  JsonReader r(body);
  PartialSuccess found;
  auto partial = [&](const std::string &key) {
    if (key == "rejectedSpans" || key == "rejected_spans" || key == "rejectedDataPoints" ||
        key == "rejected_data_points")
      return r.uint64(found.rejected);
    if (key == "errorMessage" || key == "error_message") return r.string(found.error_message);
    return r.skip_value();
  };
  auto top = [&](const std::string &key) {
    if (key == "partialSuccess" || key == "partial_success") return r.object(partial);
    return r.skip_value();
  };
  if (!r.object(top) || !r.at_end()) return {};
  return found;
}

}  // namespace orch::rt
