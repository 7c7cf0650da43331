#include "weave/edits.h"

#include <algorithm>
#include <cstdio>

namespace orch {

std::vector<const EditList::Edit *> EditList::in_order() const {
  std::vector<const Edit *> sorted;
  for (const auto &e : edits_) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const Edit *a, const Edit *b) {
    if (a->offset != b->offset) return a->offset < b->offset;
    if ((a->replaced == 0) != (b->replaced == 0)) return a->replaced == 0;  // an insertion before a replacement there
    return a->sequence < b->sequence;
  });
  return sorted;
}

std::vector<EditList::Change> EditList::changes(std::string_view original) const {
  std::vector<Change> out;
  for (const Edit *e : in_order()) {
    const bool spans_lines = e->text.find('\n') != std::string::npos ||
                             original.substr(e->offset, e->replaced).find('\n') != std::string_view::npos;
    out.push_back({e->offset, e->replaced, e->text.size(), spans_lines});
  }
  return out;
}

std::string EditList::apply(std::string_view original) const {
  const std::vector<const Edit *> sorted = in_order();
  std::string out;
  size_t extra = 0;
  for (const auto *e : sorted) extra += e->text.size();
  out.reserve(original.size() + extra);
  size_t pos = 0;
  for (const auto *e : sorted) {
    out.append(original.substr(pos, e->offset - pos));
    out += e->text;
    pos = e->offset + e->replaced;
  }
  out.append(original.substr(pos));
  return out;
}

namespace {
std::string escaped(std::string_view text, bool json) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    case '?': out += json ? "?" : "\\?"; break;  // no trigraphs in C
    default:
      if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, json ? "\\u%04x" : "\\%03o", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out + "\"";
}
}  // namespace

std::string c_string_literal(std::string_view text) { return escaped(text, false); }
std::string json_string(std::string_view text) { return escaped(text, true); }

}  // namespace orch
