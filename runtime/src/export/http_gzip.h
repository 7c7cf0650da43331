// gzip (RFC 1952) compression of request bodies for
// OTEL_EXPORTER_OTLP_COMPRESSION=gzip, reusing one zlib stream and one
// output buffer across requests.
#pragma once

#include <zlib.h>

#include <string>
#include <string_view>

namespace orch::rt {

class GzipCompressor {
public:
  GzipCompressor();
  ~GzipCompressor();
  GzipCompressor(const GzipCompressor &) = delete;
  GzipCompressor &operator=(const GzipCompressor &) = delete;

  // The gzip member holding `data`, valid until the next call; empty if
  // zlib failed (out of memory).
  std::string_view compress(std::string_view data);

private:
  z_stream stream_{};
  bool ready_ = false;
  std::string out_;
};

}  // namespace orch::rt
