// Text insertions into one source buffer, applied in offset order. orch
// inserts code, and replaces nothing but the file name of an #include
// directive; it never inserts a newline into the user's lines, so every
// original line keeps its number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace orch {

class EditList {
public:
  // Edits at the same offset keep the order in which they were added, but
  // insertions come before a replacement that starts there.
  void insert(size_t offset, std::string text) { edits_.push_back({offset, 0, std::move(text), edits_.size()}); }
  // Replaces `length` bytes at `offset` (ranges must not overlap other edits).
  void replace(size_t offset, size_t length, std::string text) {
    edits_.push_back({offset, length, std::move(text), edits_.size()});
  }
  bool empty() const { return edits_.empty(); }
  std::string apply(std::string_view original) const;

  struct Change {
    size_t offset, removed, added;
    bool spans_lines;  // adds or removes a line break
  };
  // The edits in the order apply() makes them.
  std::vector<Change> changes(std::string_view original) const;

private:
  struct Edit {
    size_t offset;
    size_t replaced;
    std::string text;
    size_t sequence;
  };
  std::vector<const Edit *> in_order() const;
  std::vector<Edit> edits_;
};

// "text" as a C string literal, quotes included.
std::string c_string_literal(std::string_view text);
// "text" as a JSON string, quotes included.
std::string json_string(std::string_view text);

}  // namespace orch
