// Typed reading of environment variables with the OpenTelemetry conventions
// (case-insensitive booleans and enum values, surrounding whitespace ignored).
// Every malformed value produces exactly one warning and the default.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "warn.h"

namespace orch::rt {

// Looks a variable up; returns nullptr when unset. Tests pass their own table.
using Getenv = std::function<const char *(const char *name)>;
Getenv process_env();

class EnvReader {
public:
  EnvReader(Getenv getenv, Warn warn) : getenv_(std::move(getenv)), warn_(std::move(warn)) {}

  // Trimmed value; nullopt when unset or empty (the spec treats both as unset).
  std::optional<std::string> str(const char *name) const;
  // Lower-cased trimmed value.
  std::optional<std::string> lower(const char *name) const;
  bool boolean(const char *name, bool fallback) const;
  // Integer in [min, max]; anything else warns and yields fallback.
  int64_t integer(const char *name, int64_t fallback, int64_t min, int64_t max) const;
  // OTEL_{TRACES,METRICS}_EXPORTER: a comma-separated list of the names in
  // `known` (lower case; known[0] is the default). The positions in `known` of
  // the names given, in order, each once; empty for `none` alone; nullopt when
  // unset. Unknown names are ignored with a warning, `none` beside other names
  // too, and a list naming no exporter gives the default.
  std::optional<std::vector<size_t>> exporter_list(const char *name, std::span<const std::string_view> known) const;
  void warn(std::string_view message) const { warn_(message); }

private:
  Getenv getenv_;
  Warn warn_;
};

std::string_view trim(std::string_view s);

// Decodes %XX escapes (W3C baggage-style lists: OTEL_RESOURCE_ATTRIBUTES,
// OTEL_EXPORTER_OTLP_HEADERS). Returns false on a malformed escape.
bool percent_decode(std::string_view in, std::string &out);

}  // namespace orch::rt
