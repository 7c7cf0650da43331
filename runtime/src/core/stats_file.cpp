#include "core/stats_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>

namespace orch::rt {

bool append_stats_line(const std::string &path, const RuntimeTotals &t) {
  char line[256];
  int n = std::snprintf(line, sizeof line,
                        "{\"pid\":%ld,\"spans_published\":%" PRIu64 ",\"spans_dropped\":%" PRIu64
                        ",\"spans_exported\":%" PRIu64 ",\"spans_export_failed\":%" PRIu64
                        ",\"spans_rejected\":%" PRIu64 "}\n",
                        static_cast<long>(getpid()), t.published, t.dropped, t.exported, t.export_failed, t.rejected);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool whole = write(fd, line, n) == n;
  return close(fd) == 0 && whole;
}

}  // namespace orch::rt
