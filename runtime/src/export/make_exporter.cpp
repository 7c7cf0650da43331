// OTEL_TRACES_EXPORTER -> Exporter. Runs on the exporter thread when it starts.
#include <memory>

#include "core/runtime.h"
#include "export/console_exporter.h"
#include "export/file_exporter.h"
#include "export/otlp_config.h"
#include "export/otlp_exporter.h"
#include "warn.h"

namespace orch::rt {

std::unique_ptr<Exporter> make_configured_exporter(const Config &config) {
  switch (config.exporter) {
  case ExporterKind::Console: return std::make_unique<ConsoleExporter>();
  case ExporterKind::File: return std::make_unique<FileExporter>(config.file_path);
  case ExporterKind::None: return nullptr;  // never reached: spans are not recorded
  case ExporterKind::Otlp: break;
  }
  return make_otlp_exporter(otlp_config_from_env(warn_stderr));
}

}  // namespace orch::rt
