#include "launcher/unit_job.h"

#include <filesystem>

#include "ast/unit_parser.h"
#include "launcher/install_layout.h"

namespace fs = std::filesystem;

namespace orch {

namespace {
std::string absolute_source(const std::string &source) {
  return fs::absolute(source).lexically_normal().string();
}
}  // namespace

bool is_excluded(const Config &config, const std::string &source) {
  fs::path rel = fs::path(absolute_source(source)).lexically_relative(config.root);
  if (rel.empty() || *rel.begin() == "..") return false;
  for (const auto &pattern : config.exclude)
    if (pattern.matches(rel.generic_string())) return true;
  return false;
}

UnitJobResult rewrite_compile_command(const CompileCommand &cmd, const Config &config) {
  const InstallLayout &layout = install_layout();
  ParseRequest request;
  request.cplusplus = cmd.cplusplus;
  request.args = cmd.compiler_args();
  request.source = cmd.source();
  request.resource_dir = layout.clang_resource_dir;

  RewriteSettings settings;
  settings.config = &config;
  settings.weave_header = layout.weave_header;
  settings.runtime_library = layout.runtime_library;
  settings.presumed_name = cmd.source();
  settings.source_path = absolute_source(cmd.source());

  UnitJobResult result;
  try {
    result.failure = parse_unit(request, [&](clang::ASTContext &ctx) { result.rewrite = rewrite_unit(ctx, settings); });
  } catch (const std::exception &e) {
    result.failure = std::string("internal error: ") + e.what();
  }
  return result;
}

}  // namespace orch
