#include "ast/unit_scan.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/Preprocessor.h>

#include <set>

#include "ast/project_files.h"

using namespace clang;

namespace orch {
namespace {

class ScanAction : public PreprocessorFrontendAction {
public:
  ScanAction(const Config &config, std::optional<UnitSummary> &summary) : config_(config), summary_(summary) {}

  void ExecuteAction() override {
    CompilerInstance &ci = getCompilerInstance();
    Preprocessor &pp = ci.getPreprocessor();
    SourceManager &sm = ci.getSourceManager();
    IncludeGraph graph;
    record_includes(pp, graph);
    ProjectFiles project(graph, config_, sm.getFileEntryForID(sm.getMainFileID()));
    std::set<const IdentifierInfo *> identifiers;
    pp.EnterMainSourceFile();
    FileID last;
    bool in_project = false;
    Token tok;
    for (pp.Lex(tok); tok.isNot(tok::eof); pp.Lex(tok)) {
      const IdentifierInfo *ii = tok.getIdentifierInfo();
      if (!ii) continue;
      FileID id = sm.getFileID(sm.getExpansionLoc(tok.getLocation()));
      if (id != last) {
        last = id;
        const FileEntry *file = sm.getFileEntryForID(id);
        in_project = file && project.contains(file);
      }
      if (in_project) identifiers.insert(ii);
    }
    if (pp.getDiagnostics().hasErrorOccurred()) return;
    UnitSummary &s = summary_.emplace();
    for (const IdentifierInfo *ii : identifiers) s.words.emplace(ii->getName());
    for (const auto &[file, entered] : graph.files) {
      if (!project.contains(file)) continue;
      std::string rel = config_.relative_to_root(entered.path);
      s.files.push_back(rel.empty() ? entered.path : rel);
      s.texts.emplace_back(sm.getBufferData(sm.translateFile(file)));
    }
  }

private:
  const Config &config_;
  std::optional<UnitSummary> &summary_;
};

}  // namespace

std::optional<UnitSummary> scan_unit(const ParseRequest &request, const Config &config) {
  std::optional<UnitSummary> summary;
  std::string first_error;
  run_frontend(request, std::make_unique<ScanAction>(config, summary), first_error);
  return summary;
}

}  // namespace orch
