// The OTLP/HTTP trace exporter (http/protobuf or http/json, optional gzip),
// with the retry policy of otlp_retry.h bounded by the export deadline.
#pragma once

#include <memory>

#include "export/exporter.h"
#include "otlp_config.h"

namespace orch::rt {

// Nothing is sent until the first export; connection problems surface as
// failed exports with a reason in last_error(), and export_spans never throws.
std::unique_ptr<Exporter> make_otlp_exporter(const OtlpConfig &config);

}  // namespace orch::rt
