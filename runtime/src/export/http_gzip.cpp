#include "http_gzip.h"

namespace orch::rt {

GzipCompressor::GzipCompressor() {
  // windowBits 15 + 16 selects the gzip wrapper. Level 1: spans compress well
  // even at the fastest level, and this runs on the host program's CPU.
  ready_ = deflateInit2(&stream_, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
}

GzipCompressor::~GzipCompressor() {
  if (ready_) deflateEnd(&stream_);
}

std::string_view GzipCompressor::compress(std::string_view data) {
  if (!ready_ || deflateReset(&stream_) != Z_OK) return {};
  const uLong bound = deflateBound(&stream_, static_cast<uLong>(data.size()));
  if (out_.size() < bound) out_.resize(bound);
  stream_.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
  stream_.avail_in = static_cast<uInt>(data.size());
  stream_.next_out = reinterpret_cast<Bytef *>(out_.data());
  stream_.avail_out = static_cast<uInt>(out_.size());
  // With deflateBound's room, one Z_FINISH call always completes.
  if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) return {};
  return {out_.data(), static_cast<size_t>(stream_.total_out)};
}

}  // namespace orch::rt
