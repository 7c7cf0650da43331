#include "launcher/depfile.h"

#include <fstream>
#include <map>
#include <sstream>

namespace orch {
namespace {

std::string escape_make(const std::string &path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

// Replaces whole paths only (the copy `x/a.h` must not touch `x/a.hpp`): the
// depfile's words, split at unescaped blanks, a target's trailing ':' aside.
std::string replace_paths(const std::string &text, const std::map<std::string, std::string> &replacements) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (isspace(static_cast<unsigned char>(text[i]))) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && !isspace(static_cast<unsigned char>(text[j])))
      j += text[j] == '\\' && j + 1 < text.size() && text[j + 1] == ' ' ? 2 : 1;
    std::string word = text.substr(i, j - i);
    bool target = word.size() > 1 && word.back() == ':';
    auto it = replacements.find(target ? word.substr(0, word.size() - 1) : word);
    out += it == replacements.end() ? word : it->second + (target ? ":" : "");
    i = j;
  }
  return out;
}

}  // namespace

std::string fix_depfile_text(const std::string &text, const CopiedFiles &copies, const std::vector<std::string> &extra) {
  std::map<std::string, std::string> replacements;
  for (const auto &[copy, original] : copies) replacements[escape_make(copy)] = escape_make(original);
  std::string out = replace_paths(text, replacements);
  // The first rule ends at the first newline not escaped by a backslash.
  size_t end = 0;
  while ((end = out.find('\n', end)) != std::string::npos && end > 0 && out[end - 1] == '\\') ++end;
  if (end == std::string::npos) end = out.size();
  std::string deps;
  for (const auto &e : extra) deps += " \\\n  " + escape_make(e);
  out.insert(end, deps);
  return out;
}

bool fix_depfile(const std::string &path, const CopiedFiles &copies, const std::vector<std::string> &extra) {
  std::ifstream in(path);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  std::string fixed = fix_depfile_text(buf.str(), copies, extra);
  std::ofstream out(path, std::ios::trunc);
  out << fixed;
  return static_cast<bool>(out);
}

}  // namespace orch
