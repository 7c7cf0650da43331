#include "verify/options.h"

#include <unistd.h>

namespace orch::verify {

const char kUsage[] =
    "usage: orch verify --plain PLAIN --instrumented INSTRUMENTED [--runs N] [--json FILE]\n"
    "                   [--html FILE] [--workload 'COMMAND'] [-- ARGS...]\n"
    "       orch verify --help\n"
    "  Runs ARGS on the plain program alone, on the plain program under eBPF uprobes on the\n"
    "  functions orch instrumented, and on the instrumented program as a user runs it (default\n"
    "  sampler and span budget, spans to /dev/null, its metrics counting every call to a file),\n"
    "  N times each (default 5), interleaved; compares the calls per function and the costs.\n"
    "  --workload: for servers; COMMAND runs (via /bin/sh) once the program listens on a TCP\n"
    "  port (ORCH_VERIFY_PORT holds it); when COMMAND ends the program gets SIGTERM.\n";

namespace {

void check_executable(const std::string &what, const std::string &path) {
  if (path.empty())
    throw UsageError(what + " is required");
  if (access(path.c_str(), X_OK) != 0)
    throw UsageError(what + " " + path + ": not an executable file");
}

int parse_runs(const std::string &text) {
  size_t used = 0;
  int runs = 0;
  try {
    runs = std::stoi(text, &used);
  } catch (const std::exception &) {
    used = 0;
  }
  if (used != text.size() || runs < 1 || runs > 1000)
    throw UsageError("--runs " + text + ": expected a number from 1 to 1000");
  return runs;
}

} // namespace

bool wants_help(const std::vector<std::string> &argv) {
  for (const std::string &arg : argv) {
    if (arg == "--")
      return false;
    if (arg == "--help" || arg == "-h")
      return true;
  }
  return false;
}

Options parse_options(const std::vector<std::string> &argv) {
  Options options;
  for (size_t i = 0; i < argv.size(); i++) {
    const std::string &arg = argv[i];
    if (arg == "--") {
      options.args.assign(argv.begin() + i + 1, argv.end());
      break;
    }
    // Every option takes a value: "--opt VALUE" or "--opt=VALUE".
    std::string name = arg, value;
    size_t equals = arg.find('=');
    if (equals != std::string::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
    } else if (i + 1 < argv.size()) {
      value = argv[++i];
    } else {
      throw UsageError(arg + " needs a value");
    }
    if (name == "--plain") options.plain = value;
    else if (name == "--instrumented") options.instrumented = value;
    else if (name == "--runs") options.runs = parse_runs(value);
    else if (name == "--json") options.json_path = value;
    else if (name == "--html") options.html_path = value;
    else if (name == "--workload") options.workload = value;
    else throw UsageError("unknown option " + name);
  }
  check_executable("--plain", options.plain);
  check_executable("--instrumented", options.instrumented);
  return options;
}

} // namespace orch::verify
