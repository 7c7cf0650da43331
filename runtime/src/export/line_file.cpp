#include "export/line_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace orch::rt {

LineFile::~LineFile() {
  if (fd_ >= 0) close(fd_);
}

std::string LineFile::append(std::string_view line) {
  if (fd_ < 0) fd_ = open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) return "cannot open " + path_ + ": " + std::strerror(errno);
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return "cannot write " + path_ + ": " + std::strerror(errno);
    done += static_cast<size_t>(n);
  }
  return "";
}

}  // namespace orch::rt
