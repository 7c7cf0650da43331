// Text insertions into one source buffer, applied in offset order. orch only
// ever inserts (never deletes), and never inserts a newline into the user's
// lines, so every original line keeps its number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace orch {

class EditList {
public:
  // Insertions at the same offset keep the order in which they were added.
  void insert(size_t offset, std::string text) { edits_.push_back({offset, std::move(text), edits_.size()}); }
  bool empty() const { return edits_.empty(); }
  std::string apply(std::string_view original) const;

private:
  struct Insertion {
    size_t offset;
    std::string text;
    size_t sequence;
  };
  std::vector<Insertion> edits_;
};

// "text" as a C string literal, quotes included.
std::string c_string_literal(std::string_view text);
// "text" as a JSON string, quotes included.
std::string json_string(std::string_view text);

}  // namespace orch
