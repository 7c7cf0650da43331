// Configuration of the OTLP/HTTP exporters from the standard
// OTEL_EXPORTER_OTLP_* variables (OpenTelemetry "OTLP Exporter Configuration").
// Every TRACES_ (METRICS_) variant takes precedence over its general
// counterpart for the trace (metric) exporter. A bad
// value produces one warning and the default; it never stops the program.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "warn.h"

namespace orch::rt {

enum class OtlpProtocol { HttpProtobuf, HttpJson };

enum class OtlpSignal { Traces, Metrics };

struct OtlpConfig {
  // The full URL requests are POSTed to.
  std::string endpoint = "http://localhost:4318/v1/traces";
  OtlpProtocol protocol = OtlpProtocol::HttpProtobuf;
  std::vector<std::pair<std::string, std::string>> headers;  // sent with every request
  bool gzip = false;
  // Upper bound of one export call, retries included; 0 means no bound of
  // its own (the deadline the runtime passes still applies).
  std::chrono::milliseconds timeout{10000};
  // PEM file of trusted certificates for https (empty: the system's).
  std::string certificate_file;
  // PEM client certificate and its private key for mutual TLS (both or neither).
  std::string client_certificate_file;
  std::string client_key_file;
};

OtlpConfig otlp_config_from_env(const Warn &warn = warn_stderr, OtlpSignal signal = OtlpSignal::Traces);

// The pieces, exposed for tests.

// http:// or https://, a non-empty host, an optional numeric port, no spaces.
bool otlp_endpoint_valid(std::string_view url);
// OTEL_EXPORTER_OTLP_ENDPOINT is a base URL: "v1/traces" (or "v1/metrics")
// is appended to its path, with a '/' in between unless the base already
// ends with one.
std::string otlp_signal_url_from_base(std::string_view base, OtlpSignal signal);
// A W3C-baggage-like list "k1=v1,k2=v2": optional whitespace around items,
// keys and values; values are percent-decoded. Appends the well-formed
// entries to `out`; returns false if any entry was malformed (and skipped):
// no '=', a key that is not an HTTP token, a bad %-escape, or a decoded value
// with control characters (which would inject header lines).
bool otlp_parse_headers(std::string_view text,
                        std::vector<std::pair<std::string, std::string>> &out);

}  // namespace orch::rt
