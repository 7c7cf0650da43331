#include "launcher/trivial_summary.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <vector>

namespace orch {
namespace fs = std::filesystem;
namespace {

struct Target {
  std::string name;
  fs::path tally;
};

Target target_of(const std::string &object) {
  const fs::path dir = fs::absolute(object).parent_path().lexically_normal();
  for (fs::path p = dir; p.has_relative_path(); p = p.parent_path()) {
    const std::string leaf = p.filename().string();
    if (p.parent_path().filename() == "CMakeFiles" && leaf.size() > 4 && leaf.ends_with(".dir"))
      return {leaf.substr(0, leaf.size() - 4), p / "orch-trivial.tally"};
  }
  return {dir.string(), dir / "orch-trivial.tally"};
}

// A tally line: object \t instrumented \t aspect=n \t aspect=n ...
std::string tally_line(const std::string &object, const TrivialCounts &c) {
  std::string line = object + "\t" + std::to_string(c.instrumented);
  for (const auto &[aspect, n] : c.trivial_by_aspect) line += "\t" + aspect + "=" + std::to_string(n);
  return line + "\n";
}

struct Totals {
  size_t instrumented = 0, trivial = 0;
  std::map<std::string, size_t> by_aspect;
};

void add_line(Totals &t, const std::string &line) {
  std::istringstream fields(line);
  std::string object, field;
  size_t instrumented = 0;
  if (!std::getline(fields, object, '\t') || !std::getline(fields, field, '\t')) return;
  try {
    instrumented = std::stoul(field);
    while (std::getline(fields, field, '\t')) {
      const size_t eq = field.rfind('=');
      const size_t n = std::stoul(field.substr(eq + 1));
      t.by_aspect[field.substr(0, eq)] += n;
      t.trivial += n;
    }
  } catch (const std::exception &) {
    return;  // a line from another version: ignored
  }
  t.instrumented += instrumented;
}

std::string summary(const Target &target, const Totals &t) {
  std::string aspects;
  for (const auto &[aspect, n] : t.by_aspect)
    aspects += (aspects.empty() ? "" : ", ") + ("'" + aspect + "': " + std::to_string(n));
  return "orch: note: target '" + target.name + "': " + std::to_string(t.trivial) + " of the " +
         std::to_string(t.instrumented) + " functions instrumented so far are trivial (at most one statement, no call; " +
         aspects + "): their spans cost more than their bodies; `min-statements: 2` on the join point, or the " +
         "`metrics-only` advice, would spare them (`orch explain` lists them)\n";
}

}  // namespace

std::string record_trivial_functions(const std::string &object, const TrivialCounts &unit) {
  size_t trivial = 0;
  for (const auto &[aspect, n] : unit.trivial_by_aspect) trivial += n;
  // An object written to a device or to stdout (`-o /dev/null`, `-o -`) has no target.
  if (object == "-" || fs::absolute(object).lexically_normal().string().starts_with("/dev/")) return "";
  const Target target = target_of(object);
  std::error_code ec;
  if (trivial == 0 && !fs::exists(target.tally, ec)) return "";
  const int fd = ::open(target.tally.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return "";
  std::string result;
  if (::flock(fd, LOCK_EX) == 0) {  // parallel compiles of one target
    std::string text, chunk(4096, '\0');
    ssize_t n;
    while ((n = ::read(fd, chunk.data(), chunk.size())) > 0) text.append(chunk.data(), static_cast<size_t>(n));
    const std::string key = fs::absolute(object).lexically_normal().string();
    Totals before, after;
    std::string kept;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      add_line(before, line);
      if (line.rfind(key + "\t", 0) == 0) continue;
      add_line(after, line);
      kept += line + "\n";
    }
    const std::string mine = tally_line(key, unit);
    add_line(after, mine);
    kept += mine;
    if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, kept.data(), kept.size(), 0) == static_cast<ssize_t>(kept.size()) &&
        before.trivial < kTrivialSummaryAt && after.trivial >= kTrivialSummaryAt)
      result = summary(target, after);
  }
  ::close(fd);
  return result;
}

}  // namespace orch
