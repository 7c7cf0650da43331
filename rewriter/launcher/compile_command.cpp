#include "launcher/compile_command.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/StringSaver.h>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace orch {
namespace {

// Compiler wrappers that may stand before the real compiler.
const std::set<std::string> kWrappers = {"ccache", "sccache", "distcc", "icecc", "buildcache"};

// Options whose value is the next argument.
const std::set<std::string> kTakesValue = {
    "-o", "-MF", "-MT", "-MQ", "-x", "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-D",
    "-U", "-L", "-l", "-Xclang", "-Xlinker", "-Xassembler", "-Xpreprocessor", "-arch", "-target", "-aux-info",
    "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot", "-imultilib", "-T", "-u", "-z", "--param",
    "-main-file-name", "-dependency-file", "-MJ", "-Xarch_host", "-Xarch_device", "-include-pch",
    "--serialize-diagnostics", "-ivfsoverlay"};

// Of those, the ones only the link step reads.
const std::set<std::string> kLinkOnlyWithValue = {"-L", "-l", "-Xlinker", "-T", "-u", "-z"};

// Options without a value that only the link step reads (a compiler given them
// with -c ignores them, or warns that they are unused).
bool is_link_only(const std::string &arg) {
  static const std::set<std::string> kFlags = {
      "-shared", "-static", "-rdynamic", "-pie", "-no-pie", "-static-pie", "-s", "-r", "-static-libgcc",
      "-shared-libgcc", "-static-libstdc++", "-static-libasan", "-nostdlib", "-nodefaultlibs", "-nostartfiles"};
  for (const char *prefix : {"-l", "-L", "-Wl,", "-fuse-ld=", "--ld-path=", "-rtlib=", "--rtlib=", "-unwindlib="})
    if (arg.rfind(prefix, 0) == 0) return true;
  return kFlags.count(arg) > 0;
}

enum class Lang { C, Cxx, Other };

Lang language_from_x(const std::string &x) {
  if (x == "c") return Lang::C;
  if (x == "c++") return Lang::Cxx;
  return Lang::Other;  // headers (PCH), assembler, preprocessed, objective-C...
}

Lang language_from_extension(const std::string &path) {
  std::string ext = fs::path(path).extension().string();
  if (ext == ".c") return Lang::C;
  for (const char *e : {".cc", ".cp", ".cxx", ".cpp", ".CPP", ".c++", ".C"})
    if (ext == e) return Lang::Cxx;
  return Lang::Other;
}

std::vector<std::string> expand_response_files(const std::vector<std::string> &argv) {
  bool any = false;
  for (const auto &a : argv) any = any || (!a.empty() && a[0] == '@');
  if (!any) return argv;
  llvm::BumpPtrAllocator alloc;
  llvm::StringSaver saver(alloc);
  llvm::SmallVector<const char *, 64> args;
  for (const auto &a : argv) args.push_back(a.c_str());
  if (!llvm::cl::ExpandResponseFiles(saver, llvm::cl::TokenizeGNUCommandLine, args)) return argv;
  return std::vector<std::string>(args.begin(), args.end());
}

std::string replace_extension(const std::string &path, const std::string &ext) {
  return fs::path(path).replace_extension(ext).string();
}

}  // namespace

std::vector<std::string> CompileCommand::compiler_args() const {
  return std::vector<std::string>(argv.begin() + compiler_index + 1, argv.end());
}

std::vector<size_t> CompileCommand::sources() const {
  std::vector<size_t> out;
  for (size_t i = 0; i < roles.size(); ++i)
    if (roles[i] == ArgRole::Source) out.push_back(i);
  return out;
}

bool CompileCommand::is_clang() const {
  return compiler_index < argv.size() &&
         fs::path(argv[compiler_index]).filename().string().find("clang") != std::string::npos;
}

bool CompileCommand::may_warn_unused_parameters() const {
  std::optional<bool> explicitly;
  bool extra = false, unused = false, none = false;
  for (size_t i = compiler_index + 1; i < argv.size(); ++i) {
    const std::string &arg = argv[i];
    if (arg == "-Wunused-parameter") explicitly = true;
    else if (arg == "-Wno-unused-parameter") explicitly = false;
    else if (arg == "-Wextra" || arg == "-W") extra = true;
    else if (arg == "-Wno-extra") extra = false;
    else if (arg == "-Wall" || arg == "-Wunused") unused = true;
    else if (arg == "-Wno-unused") unused = false;
    else if (arg == "-w") none = true;
  }
  if (none) return false;
  return explicitly.value_or(extra && (unused || is_clang()));
}

CompileCommand classify(std::vector<std::string> argv) {
  CompileCommand cmd;
  cmd.argv = expand_response_files(argv);
  const auto &a = cmd.argv;
  cmd.roles.assign(a.size(), ArgRole::Option);
  while (cmd.compiler_index < a.size() && kWrappers.count(fs::path(a[cmd.compiler_index]).filename().string()))
    cmd.roles[cmd.compiler_index++] = ArgRole::Wrapper;
  if (cmd.compiler_index >= a.size()) {
    cmd.pass_reason = "no compiler";
    return cmd;
  }
  cmd.roles[cmd.compiler_index] = ArgRole::Compiler;

  bool compile = false, md = false;
  std::optional<std::string> output, mf;
  std::string x;
  size_t sources = 0, other_inputs = 0;
  for (size_t i = cmd.compiler_index + 1; i < a.size(); ++i) {
    const std::string &arg = a[i];
    if (arg == "-c") compile = true;
    else if (arg == "-S") compile = cmd.assembly_out = true;
    else if (arg == "-E" || arg == "-fsyntax-only" || arg == "-M" || arg == "-MM") cmd.preprocesses = true;
    else if (arg == "-MD" || arg == "-MMD") md = true;
    else if (arg == "-") {  // stdin
      cmd.roles[i] = ArgRole::Input;
      ++other_inputs;
    } else if (kTakesValue.count(arg)) {
      const ArgRole role = arg == "-o" ? ArgRole::Output : kLinkOnlyWithValue.count(arg) ? ArgRole::LinkOnly : ArgRole::Option;
      cmd.roles[i] = role;
      if (i + 1 >= a.size()) break;
      const std::string &value = a[++i];
      cmd.roles[i] = role;
      if (arg == "-o") output = value;
      else if (arg == "-MF") mf = value;
      else if (arg == "-x") x = value == "none" ? "" : value;
    } else if (arg.rfind("-x", 0) == 0 && arg.size() > 2) {
      x = arg.substr(2) == "none" ? "" : arg.substr(2);
    } else if (arg.rfind("-o", 0) == 0 && arg.size() > 2) {
      cmd.roles[i] = ArgRole::Output;
      output = arg.substr(2);
    } else if (arg.rfind("-MF", 0) == 0 && arg.size() > 3) {
      mf = arg.substr(3);
    } else if (is_link_only(arg)) {
      cmd.roles[i] = ArgRole::LinkOnly;
    } else if (!arg.empty() && arg[0] != '-') {
      Lang lang = x.empty() ? language_from_extension(arg) : language_from_x(x);
      if (lang == Lang::Other) {
        cmd.roles[i] = ArgRole::Input;
        ++other_inputs;
      } else {
        cmd.roles[i] = ArgRole::Source;
        ++sources;
        cmd.cplusplus = lang == Lang::Cxx;
      }
    }
  }
  cmd.links = !compile && !cmd.preprocesses;
  if (cmd.preprocesses) cmd.pass_reason = "preprocessing or dependency generation only";
  else if (cmd.links) cmd.pass_reason = sources ? "compiles and links" : "not a compile (-c)";
  else if (sources != 1 || other_inputs) cmd.pass_reason = "not exactly one C or C++ source";
  if (!cmd.instrumentable()) return cmd;

  cmd.source_index = cmd.sources().front();
  cmd.output = output ? *output
                      : replace_extension(fs::path(cmd.source()).filename().string(), cmd.assembly_out ? ".s" : ".o");
  if (mf) cmd.depfile = mf;
  else if (md) cmd.depfile = replace_extension(cmd.output, ".d");
  return cmd;
}

}  // namespace orch
