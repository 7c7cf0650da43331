// `orch diff`: the rewrite of one unit, as a unified diff against the original
// (or, with --full, the whole rewritten unit).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "commands/commands.h"
#include "commands/unit_from_args.h"
#include "launcher/process.h"
#include "launcher/unit_job.h"

namespace fs = std::filesystem;

namespace orch {

namespace {

// `diff -u` of one file against its rewrite; returns diff's status (0 or 1) or an error.
int diff_file(const std::string &original, const std::string &label, const std::string &text) {
  fs::path tmp = fs::temp_directory_path() / ("orch-diff-" + std::to_string(getpid()));
  std::ofstream(tmp) << text;
  std::string err;
  std::fflush(stdout);
  int status = run_command({"diff", "-u", "--label", label, "--label", label + " (orch)", original, tmp.string()}, err);
  fs::remove(tmp);
  std::fputs(err.c_str(), stderr);
  return status;
}

}  // namespace

int command_diff(const std::vector<std::string> &args_in) {
  std::vector<std::string> args = args_in;
  bool full = !args.empty() && args.front() == "--full";
  if (full) args.erase(args.begin());
  auto sel = select_unit("diff", args);
  if (!sel) return 2;
  UnitJobResult job = rewrite_compile_command(sel->command, sel->config);
  if (!job.failure.empty()) {
    std::fprintf(stderr, "orch diff: %s: not instrumented: %s\n", sel->command.source().c_str(), job.failure.c_str());
    return 1;
  }
  if (job.rewrite.text.empty()) return 0;  // nothing instrumented: no difference
  const std::string &source = sel->command.source();
  if (full) {
    std::fputs(job.rewrite.text.c_str(), stdout);
    for (const HeaderCopy &h : job.rewrite.headers)
      std::printf("// ==== %s (rewritten as %s)\n%s", h.spelling.c_str(), h.copy.c_str(), h.text.c_str());
    return 0;
  }
  int status = diff_file(source, source, job.rewrite.text);
  for (const HeaderCopy &h : job.rewrite.headers)
    if (status <= 1) status = std::max(status, diff_file(h.original, h.spelling, h.text));
  return status == 1 ? 0 : status;  // diff exits 1 when the files differ
}

}  // namespace orch
