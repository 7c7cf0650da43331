#include "launcher/split_command.h"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace orch {
namespace {

// The language (-x) in force at each argument, for arguments that are inputs.
std::vector<std::string> language_at(const CompileCommand &cmd) {
  std::vector<std::string> x(cmd.argv.size());
  std::string current;
  for (size_t i = cmd.compiler_index + 1; i < cmd.argv.size(); ++i) {
    const std::string &arg = cmd.argv[i];
    if (arg == "-x" && i + 1 < cmd.argv.size()) current = cmd.argv[++i];
    else if (arg.rfind("-x", 0) == 0 && arg.size() > 2) current = arg.substr(2);
    if (current == "none") current.clear();
    x[i] = current;
  }
  return x;
}

bool writes_depfiles(const CompileCommand &cmd) {
  for (const std::string &arg : cmd.argv)
    if (arg == "-MD" || arg == "-MMD" || arg.rfind("-MF", 0) == 0) return true;
  return false;
}

bool is_language_option(const CompileCommand &cmd, size_t i) {
  const std::string &arg = cmd.argv[i];
  return arg.rfind("-x", 0) == 0 || (i > 0 && cmd.argv[i - 1] == "-x");
}

// `source` compiled alone: the command's compile options, -c unless -c or -S
// is there already, then the source in the language the command gave it.
std::vector<std::string> single_compile(const CompileCommand &cmd, size_t source, const std::string &language,
                                        const std::string &output) {
  std::vector<std::string> argv;
  for (size_t i = 0; i < cmd.argv.size(); ++i) {
    const ArgRole role = cmd.roles[i];
    if ((role == ArgRole::Option && !is_language_option(cmd, i)) || role == ArgRole::Wrapper ||
        role == ArgRole::Compiler)
      argv.push_back(cmd.argv[i]);
  }
  if (cmd.links) argv.push_back("-c");
  argv.insert(argv.end(), {"-o", output});
  if (!language.empty()) argv.insert(argv.end(), {"-x", language});
  argv.push_back(cmd.argv[source]);
  return argv;
}

std::string make_object_dir() {
  const char *tmp = std::getenv("TMPDIR");
  std::string pattern = (tmp && *tmp ? std::string(tmp) : std::string("/tmp")) + "/orch-objects-XXXXXX";
  if (!mkdtemp(pattern.data())) return {};
  return pattern;
}

}  // namespace

SplitCommand split_command(const CompileCommand &cmd, std::string &why_not) {
  SplitCommand split;
  const std::vector<size_t> sources = cmd.sources();
  if (sources.empty() || cmd.preprocesses) {
    why_not = cmd.pass_reason;
    return split;
  }
  if (cmd.links && writes_depfiles(cmd)) {
    why_not = "compiles and links with dependency files (-MD/-MF): compile with -c to instrument";
    return split;
  }
  for (size_t i = 0; i < cmd.argv.size() && !cmd.links; ++i) {
    if (cmd.roles[i] == ArgRole::Output) {
      why_not = "-o with several sources";  // the compiler's own error follows
      return split;
    }
    if (cmd.roles[i] == ArgRole::Input) {
      why_not = "sources together with other inputs: compile them apart to instrument";
      return split;
    }
  }

  const std::vector<std::string> x = language_at(cmd);
  if (!cmd.links) {
    // As the driver names them: each source's stem in the working directory.
    for (size_t source : sources) {
      std::string output = fs::path(cmd.argv[source]).filename().replace_extension(cmd.assembly_out ? ".s" : ".o");
      split.compiles.push_back(single_compile(cmd, source, x[source], output));
    }
    return split;
  }

  split.object_dir = make_object_dir();
  if (split.object_dir.empty()) {
    why_not = "cannot create a temporary directory for the objects";
    return split;
  }
  for (size_t i = 0; i < cmd.argv.size(); ++i) {
    if (cmd.roles[i] != ArgRole::Source) {
      split.link.push_back(cmd.argv[i]);
      continue;
    }
    std::string object = split.object_dir + "/" + std::to_string(split.compiles.size()) + "-" +
                         fs::path(cmd.argv[i]).filename().replace_extension(".o").string();
    split.compiles.push_back(single_compile(cmd, i, x[i], object));
    // An -x before the source would make the driver read the object as source.
    if (x[i].empty()) split.link.push_back(object);
    else split.link.insert(split.link.end(), {"-x", "none", object, "-x", x[i]});
  }
  return split;
}

}  // namespace orch
