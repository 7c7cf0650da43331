#include "export/file_exporter.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "export/otlp_json.h"

namespace orch::rt {

FileExporter::FileExporter(std::string path) : path_(std::move(path)) {}

FileExporter::~FileExporter() {
  if (fd_ >= 0) close(fd_);
}

ExportResult FileExporter::export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                                        std::chrono::steady_clock::time_point) {
  try {
    // Opened on first use, so that a program that never exports creates no file.
    if (fd_ < 0) fd_ = open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      error_ = "cannot open " + path_ + ": " + std::strerror(errno);
      return ExportResult::PermanentFailure;
    }
    encode_otlp_json(spans, resource, line_);
    line_ += '\n';
    size_t done = 0;
    while (done < line_.size()) {
      ssize_t n = write(fd_, line_.data() + done, line_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = "cannot write " + path_ + ": " + std::strerror(errno);
        return ExportResult::PermanentFailure;
      }
      done += static_cast<size_t>(n);
    }
    return ExportResult::Success;
  } catch (...) {
    error_ = "out of memory while encoding";
    return ExportResult::PermanentFailure;
  }
}

}  // namespace orch::rt
