#include "weave/include_redirect.h"

#include <deque>

namespace orch {
namespace {

using Directives = std::map<const clang::FileEntry *, std::vector<const IncludeDirective *>>;

std::string spelling(const IncludeGraph &graph, const clang::FileEntry *file) {
  auto it = graph.files.find(file);
  return it == graph.files.end() ? "?" : it->second.spelling;
}

// A path written between the quotes of an #include (no escapes there).
bool quotable(const std::string &path) { return path.find_first_of("\"\n") == std::string::npos; }

class Planner {
public:
  Planner(const IncludeGraph &graph, const clang::FileEntry *main_file,
          const std::function<std::string(const clang::FileEntry *)> &why_not_copyable)
      : graph_(graph), main_(main_file), why_not_copyable_(why_not_copyable) {
    for (const IncludeDirective &d : graph.directives) {
      by_includer_[d.includer].push_back(&d);
      if (d.target) by_target_[d.target].push_back(&d);
    }
  }

  // The files to copy so that the unit reaches `header` only as a copy: the
  // header and every file including it, transitively. Sets `why` on failure.
  std::set<const clang::FileEntry *> chain(const clang::FileEntry *header, std::string &why) const {
    std::set<const clang::FileEntry *> files;
    std::deque<const clang::FileEntry *> queue = {header};
    while (!queue.empty() && why.empty()) {
      const clang::FileEntry *file = queue.front();
      queue.pop_front();
      if (!files.insert(file).second) continue;
      why = why_copy_differs(file);
      if (!why.empty() && file != header) why = "it is included from " + spelling(graph_, file) + ", which " + why;
      for (const IncludeDirective *d : directives(by_target_, file)) {
        if (!why.empty()) break;
        if (!d->includer) why = "it is included from the command line (-include)";
        else if (!d->not_redirectable.empty())
          why = "it is reached through " + d->not_redirectable + " in " + spelling(graph_, d->includer);
        else if (d->includer != main_) queue.push_back(d->includer);
      }
    }
    return files;
  }

private:
  static const std::vector<const IncludeDirective *> &directives(const Directives &map, const clang::FileEntry *f) {
    static const std::vector<const IncludeDirective *> none;
    auto it = map.find(f);
    return it == map.end() ? none : it->second;
  }

  // Why a copy of `file` elsewhere would not mean what the original means ("" if it would).
  std::string why_copy_differs(const clang::FileEntry *file) const {
    if (std::string why = why_not_copyable_(file); !why.empty()) return why;
    if (auto it = graph_.directory_dependent.find(file); it != graph_.directory_dependent.end()) return it->second;
    for (const IncludeDirective *d : directives(by_includer_, file)) {
      if (!d->not_redirectable.empty()) return "uses " + d->not_redirectable;
      auto target = d->target ? graph_.files.find(d->target) : graph_.files.end();
      if (!d->angled && (target == graph_.files.end() || !quotable(target->second.path)))
        return "includes a file whose path cannot be written in an #include";
    }
    return "";
  }

  const IncludeGraph &graph_;
  const clang::FileEntry *main_;
  const std::function<std::string(const clang::FileEntry *)> &why_not_copyable_;
  Directives by_includer_, by_target_;
};

}  // namespace

RedirectPlan plan_redirects(const IncludeGraph &graph, const clang::FileEntry *main_file,
                            const std::set<const clang::FileEntry *> &wanted,
                            const std::function<std::string(const clang::FileEntry *)> &why_not_copyable) {
  Planner planner(graph, main_file, why_not_copyable);
  RedirectPlan plan;
  for (const clang::FileEntry *header : wanted) {
    std::string why;
    std::set<const clang::FileEntry *> files = planner.chain(header, why);
    if (why.empty()) plan.copied.insert(files.begin(), files.end());
    else plan.refused[header] = why;
  }
  return plan;
}

void redirect_includes(const IncludeGraph &graph, const clang::FileEntry *main_file, const RedirectPlan &plan,
                       const std::function<std::string(const clang::FileEntry *)> &copy_path,
                       std::map<const clang::FileEntry *, EditList> &edits) {
  const auto target_path = [&](const clang::FileEntry *target) {
    return plan.copied.count(target) ? copy_path(target) : graph.files.at(target).path;
  };
  std::set<std::pair<const clang::FileEntry *, size_t>> done;  // a file entered twice reports its directives twice
  for (const IncludeDirective &d : graph.directives) {
    if (!d.includer || !d.target || !d.not_redirectable.empty()) continue;
    bool in_copy = plan.copied.count(d.includer) > 0;
    if (!in_copy && d.includer != main_file) continue;
    // In a copy, a quoted name would be looked up beside the copy, and
    // #include_next would search from the start of the include path (a copy
    // is not found through it): both name what the original found.
    const bool names_target = plan.copied.count(d.target) || (in_copy && (!d.angled || d.next));
    if (!names_target || !done.insert({d.includer, d.name_offset}).second) continue;
    edits[d.includer].replace(d.name_offset, d.name_length, "\"" + target_path(d.target) + "\"");
    if (d.next) edits[d.includer].replace(d.keyword_offset, std::string_view("include_next").size(), "include");
  }
  for (const HasIncludeCheck &c : graph.has_include_checks) {
    if (!c.target || !plan.copied.count(c.includer) || !done.insert({c.includer, c.name_offset}).second) continue;
    edits[c.includer].replace(c.name_offset, c.name_length, "\"" + target_path(c.target) + "\"");
  }
}

}  // namespace orch
