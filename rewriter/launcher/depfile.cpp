#include "launcher/depfile.h"

#include <fstream>
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

void replace_all(std::string &text, const std::string &from, const std::string &to) {
  for (size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
    text.replace(pos, from.size(), to);
}

}  // namespace

std::string fix_depfile_text(const std::string &text, const std::string &temp_source,
                             const std::string &original_source, const std::vector<std::string> &extra) {
  std::string out = text;
  replace_all(out, escape_make(temp_source), escape_make(original_source));
  // The first rule ends at the first newline not escaped by a backslash.
  size_t end = 0;
  while ((end = out.find('\n', end)) != std::string::npos && end > 0 && out[end - 1] == '\\') ++end;
  if (end == std::string::npos) end = out.size();
  std::string deps;
  for (const auto &e : extra) deps += " \\\n  " + escape_make(e);
  out.insert(end, deps);
  return out;
}

bool fix_depfile(const std::string &path, const std::string &temp_source, const std::string &original_source,
                 const std::vector<std::string> &extra) {
  std::ifstream in(path);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  std::string fixed = fix_depfile_text(buf.str(), temp_source, original_source, extra);
  std::ofstream out(path, std::ios::trunc);
  out << fixed;
  return static_cast<bool>(out);
}

}  // namespace orch
