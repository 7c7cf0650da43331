#include "aspects/plausibility.h"

#include <algorithm>
#include <cctype>

namespace orch {
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Words orch itself puts into qualified names.
constexpr std::string_view kSynthesized[] = {"operator", "lambda", "anonymous", "namespace"};

bool word_present(std::string_view w, const UnitSummary &unit) {
  if (std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return true;  // a line number (lambda@12)
  for (std::string_view s : kSynthesized)
    if (s.find(w) != std::string_view::npos) return true;
  if (unit.words.count(w)) return true;
  for (const std::string &u : unit.words)  // a glob's literal part may be part of a word ("Js*")
    if (u.size() > w.size() && u.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

bool name_may_match(const Pattern &p, const UnitSummary &unit) {
  const std::string &text = p.text();
  if (text.rfind("regex:", 0) == 0) return true;
  for (size_t i = 0; i < text.size();) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && word_char(text[j])) ++j;
    if (!word_present(std::string_view(text).substr(i, j - i), unit)) return false;
    i = j;
  }
  return true;
}

bool file_may_match(const Pattern &p, const UnitSummary &unit) {
  for (const std::string &f : unit.files)
    if (p.matches(f)) return true;
  return false;
}


bool text_may_contain(std::string_view text, const UnitSummary &unit) {
  for (const std::string &t : unit.texts)
    if (t.find(text) != std::string::npos) return true;
  return false;
}

void add_words(std::string_view text, std::set<std::string, std::less<>> &words) {
  for (size_t i = 0; i < text.size();) {
    if (!word_char(text[i]) || std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && word_char(text[j])) ++j;
    words.emplace(text.substr(i, j - i));
    i = j;
  }
}

}  // namespace orch
