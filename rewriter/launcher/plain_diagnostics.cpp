#include "launcher/plain_diagnostics.h"

#include <cctype>
#include <map>
#include <regex>

namespace orch {
namespace {

std::vector<std::string> lines_of(const std::string &text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// Presumed line number -> index in `lines`, following #line directives.
std::map<unsigned, size_t> presumed_lines(const std::vector<std::string> &lines) {
  static const std::regex kLine(R"(^#line ([0-9]+) ".*"$)");
  std::map<unsigned, size_t> out;
  unsigned presumed = 1;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, kLine)) {
      presumed = static_cast<unsigned>(std::stoul(m[1].str()));
      continue;
    }
    out.emplace(presumed++, i);
  }
  return out;
}

// As GCC and Clang show a source line: tabs expanded to the next multiple of 8.
std::string tabs_expanded(const std::string &line) {
  std::string out;
  for (char c : line) {
    if (c != '\t') out.push_back(c);
    else out.append(8 - out.size() % 8, ' ');
  }
  return out;
}

// The compilers' excerpt of a source line, "  NUMBER | TEXT", and the marks under it, "  | MARKS":
// the indentation, and the number or the marks. Read by hand, not with std::regex, whose matcher
// recurses once per character: the excerpt of a woven line (the manifest's) can be a megabyte.
bool read_excerpt(const std::string &line, std::string &indent, unsigned &number) {
  const size_t digits = line.find_first_not_of(' ');
  if (digits == std::string::npos || !std::isdigit(static_cast<unsigned char>(line[digits]))) return false;
  const size_t end = line.find_first_not_of("0123456789", digits);
  if (end == std::string::npos || end - digits > 9 || line.compare(end, 3, " | ") != 0) return false;
  indent = line.substr(0, digits);
  number = static_cast<unsigned>(std::stoul(line.substr(digits, end - digits)));
  return true;
}
bool read_marks(const std::string &line, std::string &indent, std::string &marks) {
  const size_t bar = line.find_first_not_of(' ');
  if (bar == std::string::npos || line.compare(bar, 2, "| ") != 0) return false;
  indent = line.substr(0, bar);
  marks = line.substr(bar + 2);
  return true;
}

std::string regex_escaped(const std::string &text) {
  static const std::regex kSpecial(R"([.^$|()\[\]{}*+?\\])");
  return std::regex_replace(text, kSpecial, R"(\$&)");
}

// A column (1-based, bytes) of a woven line -> the line as written; 0 inside woven text.
unsigned original_column(unsigned column, const std::vector<LineEdit> &edits) {
  long shift = 0;
  for (const LineEdit &e : edits) {
    const long start = static_cast<long>(e.column) + shift;
    if (column < start) break;
    if (column < start + static_cast<long>(e.added)) return 0;
    shift += static_cast<long>(e.added) - static_cast<long>(e.removed);
  }
  return static_cast<unsigned>(column - shift);
}

// Display column (0-based, tabs expanded) of each byte of a line, and one past the end.
std::vector<size_t> display_columns(const std::string &line) {
  std::vector<size_t> out;
  size_t column = 0;
  for (char c : line) {
    out.push_back(column);
    column = c == '\t' ? column + 8 - column % 8 : column + 1;
  }
  out.push_back(column);
  return out;
}

// Display columns and bytes (0-based) of a line, past its end one per byte
// (where a compiler counts a column beyond the line it read).
size_t byte_at(const std::vector<size_t> &display, size_t column) {
  if (column >= display.back()) return display.size() - 1 + (column - display.back());
  size_t byte = 0;
  while (display[byte + 1] <= column) ++byte;
  return byte;
}
size_t display_at(const std::vector<size_t> &display, size_t byte) {
  return byte < display.size() ? display[byte] : display.back() + (byte - (display.size() - 1));
}

// A caret/underline line drawn under `read` (the line the compiler read),
// redrawn under `as_written`: each mark moves with the character it stands
// under; marks under woven text go.
std::string marks_as_written(const std::string &marks, const std::string &read, const std::string &as_written,
                             const std::vector<LineEdit> &edits) {
  const std::vector<size_t> read_display = display_columns(read), written_display = display_columns(as_written);
  std::string out;
  for (size_t column = 0; column < marks.size(); ++column) {
    if (marks[column] == ' ') continue;
    const unsigned original = original_column(static_cast<unsigned>(byte_at(read_display, column) + 1), edits);
    if (!original) continue;
    const size_t target = display_at(written_display, original - 1);
    if (out.size() <= target) out.resize(target + 1, ' ');
    out[target] = marks[column];
  }
  return out;
}

}  // namespace

std::string plain_diagnostics(const CompileCommand &cmd, const std::string &diagnostics, const std::string &rewritten,
                              const UnitRewrite &rewrite, const std::string &original_text) {
  const std::string &source = cmd.source();
  // GCC counts columns in display columns (tabs to the next multiple of 8) of
  // the line it reads by presumed line number; Clang in bytes of the line itself.
  const bool gcc = !cmd.is_clang();
  const std::vector<std::string> lines = lines_of(rewrite.text), original = lines_of(original_text);
  const std::map<unsigned, size_t> line_at = presumed_lines(lines);
  std::map<unsigned, std::vector<LineEdit>> edits;
  for (const LineEdit &e : rewrite.line_edits) edits[e.line].push_back(e);
  const auto edits_on = [&](unsigned line) {
    auto it = edits.find(line);
    return it == edits.end() ? std::vector<LineEdit>{} : it->second;
  };
  const auto line_read = [&](unsigned number) -> const std::string & {
    static const std::string none;
    if (gcc) return number - 1 < lines.size() ? lines[number - 1] : none;
    auto at = line_at.find(number);
    return at == line_at.end() ? none : lines[at->second];
  };
  const std::regex location("^" + regex_escaped(rewritten) + ":([0-9]+):([0-9]+):");

  std::string out;
  bool in_rewritten = false;   // the current diagnostic's location is in the rewritten unit
  unsigned excerpt_line = 0;   // the line the excerpt shows, when it can be shown as written
  for (const std::string &line : lines_of(diagnostics)) {
    std::smatch m;
    std::string indent, marks;
    unsigned number = 0;
    if (in_rewritten && read_excerpt(line, indent, number)) {
      auto at = line_at.find(number);
      excerpt_line = at != line_at.end() && number <= original.size() ? number : 0;
      out += excerpt_line ? indent + std::to_string(number) + " | " + tabs_expanded(original[number - 1]) : line;
    } else if (in_rewritten && excerpt_line && read_marks(line, indent, marks)) {
      // Carets and underlines under the woven line, moved under the line as written.
      out += indent + "| " +
             marks_as_written(marks, line_read(excerpt_line), original[excerpt_line - 1], edits_on(excerpt_line));
    } else {
      excerpt_line = 0;
      // A location starts a diagnostic; indented lines (marks under a line shown as the
      // compiler gave it, notes' context) are passed on.
      bool located = false;
      if (!line.empty() && line[0] != ' ') located = in_rewritten = std::regex_search(line, m, location);
      if (located) {
        number = static_cast<unsigned>(std::stoul(m[1].str()));
        const unsigned column = static_cast<unsigned>(std::stoul(m[2].str()));
        const unsigned byte =
            gcc ? static_cast<unsigned>(byte_at(display_columns(line_read(number)), column - 1) + 1) : column;
        unsigned mapped = original_column(byte, edits_on(number));
        if (mapped && gcc && number <= original.size())
          mapped = static_cast<unsigned>(display_at(display_columns(original[number - 1]), mapped - 1) + 1);
        out += mapped ? m.prefix().str() + rewritten + ":" + m[1].str() + ":" + std::to_string(mapped) + ":" +
                            m.suffix().str()
                      : line;
        if (!mapped) in_rewritten = false;  // about woven code: shown as the compiler saw it
      } else {
        out += line;
      }
    }
    out += "\n";
  }
  if (!diagnostics.empty() && diagnostics.back() != '\n') out.pop_back();
  for (size_t at = 0; (at = out.find(rewritten, at)) != std::string::npos; at += source.size())
    out.replace(at, rewritten.size(), source);
  return out;
}

}  // namespace orch
