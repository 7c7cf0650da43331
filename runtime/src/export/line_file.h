// The output file of the `file` exporters (spans and metrics): one OTLP/JSON
// request per line. Opened for appending at the first line, so that a program
// that never exports creates no file and a forked child and its parent can
// share it: each line is one write(2) unless the kernel writes it in part.
#pragma once

#include <string>
#include <string_view>

namespace orch::rt {

class LineFile {
public:
  explicit LineFile(std::string path) : path_(std::move(path)) {}
  ~LineFile();
  LineFile(const LineFile &) = delete;
  LineFile &operator=(const LineFile &) = delete;

  // Appends `line` (with its '\n'); "" on success, else why not.
  std::string append(std::string_view line);
  // Appends the line `encode(std::string &)` writes (without its '\n'),
  // into a buffer kept across calls; "" on success, else why not.
  template <class Encode> std::string append_encoded(Encode &&encode) {
    try {
      encode(line_);
      line_ += '\n';
    } catch (...) {
      return "out of memory while encoding";
    }
    return append(line_);
  }

private:
  std::string path_;
  int fd_ = -1;
  std::string line_;
};

}  // namespace orch::rt
