#include "ast/include_graph.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>

#include <filesystem>

namespace fs = std::filesystem;

using namespace clang;

namespace orch {
namespace {

class IncludeRecorder : public PPCallbacks {
public:
  IncludeRecorder(const SourceManager &sm, IncludeGraph &graph) : sm_(sm), graph_(graph) {}

  void InclusionDirective(SourceLocation hash, const Token &include_tok, StringRef file_name, bool angled,
                          CharSourceRange name_range, OptionalFileEntryRef file, StringRef, StringRef, const Module *,
                          bool, SrcMgr::CharacteristicKind) override {
    IncludeDirective d;
    d.includer = file_of(hash);
    d.target = file ? &file->getFileEntry() : nullptr;
    d.angled = angled;
    SourceLocation begin = name_range.getBegin(), end = name_range.getEnd();
    if (include_tok.getIdentifierInfo() && include_tok.getIdentifierInfo()->getPPKeywordID() == tok::pp_include_next) {
      d.next = true;
      d.keyword_offset = sm_.getFileOffset(sm_.getExpansionLoc(include_tok.getLocation()));
    }
    if (begin.isMacroID() || end.isMacroID() || sm_.getFileID(begin) != sm_.getFileID(hash))
      d.not_redirectable = "an #include whose name a macro computes";
    if (d.not_redirectable.empty()) {
      d.name_offset = sm_.getFileOffset(begin);
      d.name_length = sm_.getFileOffset(end) - d.name_offset;
      std::string written = std::string(angled ? "<" : "\"") + file_name.str() + (angled ? ">" : "\"");
      if (sm_.getBufferData(sm_.getFileID(hash)).substr(d.name_offset, d.name_length) != written)
        d.not_redirectable = "an #include whose name a macro computes";
    }
    graph_.directives.push_back(std::move(d));
  }

  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind kind, FileID) override {
    if (reason != EnterFile && reason != SystemHeaderPragma) return;
    OptionalFileEntryRef f = sm_.getFileEntryRefForID(sm_.getFileID(loc));
    if (!f) return;
    if (auto it = graph_.files.find(&f->getFileEntry()); it != graph_.files.end()) {
      it->second.system |= reason == SystemHeaderPragma;
      return;
    }
    std::string spelling(f->getName());
    graph_.files[&f->getFileEntry()] = {spelling, fs::absolute(spelling).lexically_normal().string(),
                                        kind != SrcMgr::C_User};
  }

  // `loc` is the file name's.
  void HasInclude(SourceLocation loc, StringRef name, bool angled, OptionalFileEntryRef file,
                  SrcMgr::CharacteristicKind) override {
    if (angled) return;
    const FileEntry *includer = file_of(loc);
    if (!includer) return;
    // The name may pass through a macro (`#if HAS_INCLUDE("x.h")`): it is
    // rewritten where it is spelled, if that is the file that looks it up.
    const SourceLocation spelled = sm_.getSpellingLoc(loc);
    if (sm_.getFileID(spelled) != sm_.getFileID(sm_.getExpansionLoc(loc)))
      return mark(loc, "__has_include with a name from a macro");
    const size_t offset = sm_.getFileOffset(spelled);
    const StringRef text = sm_.getBufferData(sm_.getFileID(spelled));
    if (text.substr(offset, name.size() + 2) != ("\"" + name + "\"").str())
      return mark(loc, "__has_include with a name from a macro");
    if (!loc.isMacroID() && text.substr(0, offset).rtrim(" \t(").ends_with("__has_include_next"))
      return mark(loc, "__has_include_next");
    graph_.has_include_checks.push_back({includer, file ? &file->getFileEntry() : nullptr, offset, name.size() + 2});
  }
  void EmbedDirective(SourceLocation hash, StringRef, bool, OptionalFileEntryRef, const LexEmbedParametersResult &) override {
    mark(hash, "#embed");
  }

private:
  const FileEntry *file_of(SourceLocation loc) const {
    OptionalFileEntryRef f = sm_.getFileEntryRefForID(sm_.getFileID(sm_.getExpansionLoc(loc)));
    return f ? &f->getFileEntry() : nullptr;
  }
  void mark(SourceLocation loc, const char *what) {
    if (const FileEntry *f = file_of(loc)) graph_.directory_dependent.emplace(f, std::string("uses ") + what);
  }
  const SourceManager &sm_;
  IncludeGraph &graph_;
};

}  // namespace

void record_includes(Preprocessor &pp, IncludeGraph &graph) {
  pp.addPPCallbacks(std::make_unique<IncludeRecorder>(pp.getSourceManager(), graph));
}

}  // namespace orch
