// W3C trace and span ids from a per-thread wyrand generator seeded from
// getrandom(2): one add and one 64x64->128 multiply per 64 bits (Go's runtime
// draws its cheap random numbers the same way), no lock, no system call once
// seeded. A root span needs three numbers; xoshiro256** cost ~55 instructions
// for them, this ~20.
#pragma once

#include <cstdint>
#include <cstring>

#include "id_codec.h"

namespace orch::rt {

class IdGenerator {
public:
  // Seeds from the kernel's entropy (falls back to time, pid and addresses).
  void seed();

  uint64_t next() {
    state_ += 0xa0761d6478bd642fULL;
    const unsigned __int128 product = static_cast<unsigned __int128>(state_) * (state_ ^ 0xe7037ed1a0b428dbULL);
    return static_cast<uint64_t>(product >> 64) ^ static_cast<uint64_t>(product);
  }

  // Never all-zero (an all-zero id is invalid in W3C trace context).
  uint64_t span_id() {
    uint64_t id;
    do id = next();
    while (id == 0);
    return id;
  }
  void trace_id(uint8_t out[16]) {
    // One 16-byte store: the caller copies the id on as one 16-byte load, and
    // two 8-byte stores would make that load miss store forwarding (a stall
    // that cost ~20 ns per root span here).
    typedef uint64_t pair __attribute__((vector_size(16)));
    pair id;
    do id = pair{next(), next()};
    while ((id[0] | id[1]) == 0);
    std::memcpy(out, &id, 16);
  }

private:
  uint64_t state_ = 0;
};

}  // namespace orch::rt
