#include "ast/unit_parser.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/FileManager.h>
#include <clang/Driver/Options.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>

#include <optional>

#include "ast/project_files.h"

namespace orch {
namespace {

namespace opts = clang::driver::options;

// Options that only matter for producing output, never for the AST.
bool is_output_only(const llvm::opt::Option &o) {
  for (unsigned id : {opts::OPT_o, opts::OPT_c, opts::OPT_S, opts::OPT_E, opts::OPT_M, opts::OPT_MM, opts::OPT_MD,
                      opts::OPT_MMD, opts::OPT_MF, opts::OPT_MT, opts::OPT_MQ, opts::OPT_MP, opts::OPT_MG,
                      opts::OPT_MV, opts::OPT_fsyntax_only, opts::OPT_save_temps, opts::OPT_save_temps_EQ})
    if (o.matches(id)) return true;
  return false;
}

// Remembers the first error; everything else is dropped (warnings are the
// real compiler's business).
class FirstErrorConsumer : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error || !first_error.empty()) return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid())
        first_error = std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ":" +
                      std::to_string(p.getColumn()) + ": ";
    }
    first_error += text.str().str();
  }
  std::string first_error;
};

class CallbackConsumer : public clang::ASTConsumer {
public:
  CallbackConsumer(AstCallback on_ast, bool &called, std::unique_ptr<IncludeGraph> includes,
                   const clang::SourceManager &sm, const Config *project)
      : on_ast_(on_ast), called_(called), includes_(std::move(includes)), sm_(sm), project_config_(project) {}
  void HandleTranslationUnit(clang::ASTContext &ctx) override {
    if (ctx.getDiagnostics().hasErrorOccurred()) return;
    called_ = true;
    on_ast_(ctx, *includes_);
  }
  // Asked by the parser (with FrontendOptions::SkipFunctionBodies) for each
  // body it may skip; Sema never offers constexpr functions or those with a
  // deduced return type, whose bodies the rest of the unit may need.
  bool shouldSkipFunctionBody(clang::Decl *d) override {
    if (!project_config_) return false;
    if (!project_) project_.emplace(*includes_, *project_config_, sm_.getFileEntryForID(sm_.getMainFileID()));
    const clang::FileEntry *file = sm_.getFileEntryForID(sm_.getFileID(sm_.getExpansionLoc(d->getLocation())));
    return file && !project_->contains(file);
  }

private:
  AstCallback on_ast_;
  bool &called_;
  std::unique_ptr<IncludeGraph> includes_;  // filled by the preprocessor while the parser runs
  const clang::SourceManager &sm_;
  const Config *project_config_;
  std::optional<ProjectFiles> project_;
};

class CallbackAction : public clang::ASTFrontendAction {
public:
  CallbackAction(AstCallback on_ast, bool &called, const Config *project)
      : on_ast_(on_ast), called_(called), project_(project) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci, llvm::StringRef) override {
    auto includes = std::make_unique<IncludeGraph>();
    record_includes(ci.getPreprocessor(), *includes);
    ci.getFrontendOpts().SkipFunctionBodies = project_ != nullptr;
    return std::make_unique<CallbackConsumer>(on_ast_, called_, std::move(includes), ci.getSourceManager(), project_);
  }

private:
  AstCallback on_ast_;
  bool &called_;
  const Config *project_;
};

}  // namespace

std::vector<std::string> clang_command_line(const ParseRequest &request) {
  std::vector<const char *> argv;
  for (const auto &a : request.args) argv.push_back(a.c_str());
  unsigned missing_index = 0, missing_count = 0;
  const llvm::opt::OptTable &table = clang::driver::getDriverOptTable();
  llvm::opt::InputArgList parsed = table.ParseArgs(argv, missing_index, missing_count,
                                                   llvm::opt::Visibility(opts::ClangOption));
  std::vector<std::string> out = {request.cplusplus ? "clang++" : "clang"};
  for (const llvm::opt::Arg *arg : parsed) {
    const llvm::opt::Option &o = arg->getOption();
    if (o.getKind() == llvm::opt::Option::UnknownClass || o.getKind() == llvm::opt::Option::InputClass ||
        is_output_only(o))
      continue;
    llvm::opt::ArgStringList rendered;
    arg->render(parsed, rendered);
    for (const char *s : rendered) out.emplace_back(s);
  }
  // -fno-caret-diagnostics also keeps Clang from printing "N errors generated."
  for (const char *extra : {"-fsyntax-only", "-w", "-Wno-unknown-warning-option", "-ferror-limit=1", "-fno-caret-diagnostics",
                            "-fno-delayed-template-parsing"})
    out.emplace_back(extra);
  out.push_back("-resource-dir");
  out.push_back(request.resource_dir);
  out.push_back(request.source);
  return out;
}

bool run_frontend(const ParseRequest &request, std::unique_ptr<clang::FrontendAction> action, std::string &first_error) {
  FirstErrorConsumer errors;
  llvm::IntrusiveRefCntPtr<clang::FileManager> files(new clang::FileManager(clang::FileSystemOptions()));
  clang::tooling::ToolInvocation invocation(clang_command_line(request), std::move(action), files.get());
  invocation.setDiagnosticConsumer(&errors);
  bool ok = invocation.run();
  first_error = errors.first_error;
  return ok;
}

std::string parse_unit(const ParseRequest &request, AstCallback on_ast) {
  bool called = false;
  std::string first_error;
  bool ok = run_frontend(request, std::make_unique<CallbackAction>(on_ast, called, request.project), first_error);
  if (called) return "";
  if (!first_error.empty()) return "clang could not parse it: " + first_error;
  return ok ? "clang produced no AST" : "clang could not process the command line";
}

}  // namespace orch
