#include "launcher/unit_job.h"

#include <filesystem>

#include "launcher/install_layout.h"

namespace fs = std::filesystem;

namespace orch {

namespace {
std::string absolute_source(const std::string &source) {
  return fs::absolute(source).lexically_normal().string();
}
}  // namespace

std::string copy_dir(const CompileCommand &cmd) { return fs::absolute(cmd.output + ".orch").lexically_normal().string(); }

std::string rewritten_path(const CompileCommand &cmd) {
  return (fs::path(copy_dir(cmd)) / fs::path(cmd.source()).filename()).string();
}

bool is_excluded(const Config &config, const std::string &source) {
  return config.excludes(absolute_source(source));
}

ParseRequest parse_request(const CompileCommand &cmd) {
  ParseRequest request;
  request.cplusplus = cmd.cplusplus;
  request.args = cmd.compiler_args();
  request.source = cmd.source();
  request.resource_dir = install_layout().clang_resource_dir;
  return request;
}

UnitJobResult rewrite_compile_command(const CompileCommand &cmd, const Config &config) {
  const InstallLayout &layout = install_layout();
  ParseRequest request = parse_request(cmd);
  request.project = &config;

  RewriteSettings settings;
  settings.config = &config;
  settings.weave_header = layout.weave_header;
  settings.source_name = cmd.source();
  settings.presumed_name = rewritten_path(cmd);
  settings.copy_dir = copy_dir(cmd);
  settings.elides_named_return_in_try = cmd.is_clang();
  settings.warns_unused_parameters = cmd.may_warn_unused_parameters();

  UnitJobResult result;
  try {
    result.failure = parse_unit(request, [&](clang::ASTContext &ctx, const IncludeGraph &includes) {
      result.rewrite = rewrite_unit(ctx, includes, settings);
    });
  } catch (const std::exception &e) {
    result.failure = std::string("internal error: ") + e.what();
  }
  return result;
}

}  // namespace orch
