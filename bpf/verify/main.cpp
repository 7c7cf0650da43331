// orch-verify: `orch verify` (the orch executable execs this one). See
// docs/verifier.md. Exit status: 0 verified, 1 a mismatch or a problem with
// the runs, 2 a bad command line or a verification that could not be done.
#include <cstdio>
#include <fstream>

#include "verify/options.h"
#include "verify/privileges.h"
#include "verify/report.h"
#include "verify/temporary_directory.h"
#include "verify/verifier.h"

using namespace orch::verify;

namespace {

void write_file(const std::string &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!(out << text))
    throw std::runtime_error("cannot write " + path);
}

} // namespace

int main(int argc, char **argv) {
  remove_on_termination_signals();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (wants_help(args)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  Options options;
  try {
    options = parse_options(args);
  } catch (const UsageError &error) {
    std::fprintf(stderr, "orch verify: %s\n%s", error.what(), kUsage);
    return 2;
  }
  std::string missing = missing_bpf_privileges();
  if (!missing.empty()) {
    std::fprintf(stderr, "orch verify: %s\n", missing.c_str());
    return 2;
  }
  try {
    Report report = run_verification(options, [](const std::string &line) {
      std::fprintf(stderr, "orch verify: %s\n", line.c_str());
    });
    print_table(report, stdout);
    if (!options.json_path.empty())
      write_file(options.json_path, report_json(report));
    if (!options.html_path.empty())
      write_file(options.html_path, report_html(report));
    return report.all_verified() ? 0 : 1;
  } catch (const std::exception &error) {
    std::fprintf(stderr, "orch verify: %s\n", error.what());
    return 2;
  }
}
