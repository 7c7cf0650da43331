// What the hot path writes: context frames and span records.
//
// Each thread keeps a chain of Frames, innermost first: the current span and
// its enclosing spans, plus contexts attached by integrations (remote parents)
// and by work handed over from another thread. A recording span is a Record (a
// Frame with its data); when it ends, the Record is copied as a whole into the
// thread's SpanQueue, so the copy must stay meaningful after a memcpy: inline
// strings are offsets, not pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/tracestate.h"
#include "orch/orch.h"
#include "span_data.h"

namespace orch::rt {

enum class FrameKind : uint8_t {
  Recording,     // a sampled span: the Frame is a Record
  NonRecording,  // a root the ratio sampler dropped: keeps its trace id so that
                 // its descendants take the same decision
  Attached,      // attached by orch_context_attach* (a remote parent) or by
                 // context_attach (a context captured on another thread)
};

struct Frame {
  uint8_t trace_id[16];
  uint8_t span_id[8];
  Frame *prev;  // enclosing context on this thread (also the free-list link)
  const SharedTraceState *trace_state;  // owned reference or nullptr; the same for a remote frame and its descendants
  uint8_t trace_flags;
  FrameKind kind;
  bool no_export;  // already accounted for: in flight across fork() (the parent
                   // exports it), ended on another thread, or ended by the exit flush
  bool detached;   // an attached frame detached while not innermost; a span started detached (in no chain)
  bool remote;     // an attached frame's parent is in another process
  bool metered;    // a span from span_begin: its call is counted in the site's metrics
};

// Data that does not fit inline; allocated on first need, freed by the exporter.
struct RecordExtension {
  struct Event {
    uint64_t ticks;
    std::string type;  // mangled as received; demangled by the exporter
    std::string message;
    bool has_message;
  };
  std::vector<AttrView> attrs;     // beyond the inline ones; strings point into `strings`
  std::deque<std::string> strings;  // stable addresses
  std::vector<Event> events;
  std::string status_message;
  // error.type of the span's failure for its metrics (span_failed); when
  // empty, that of its first exception event.
  std::string error_type;
  bool error_type_mangled = false;
};

constexpr int kInlineAttrs = 4;
constexpr int kInlineStringBytes = 96;  // what is left of 256 bytes

// Its type is Record::attr_type(i): with the key and the value only, two
// inline attributes and the header fit in the two cache lines a span end copies.
struct InlineAttr {
  const char *key;  // string literal from the instrumented code
  union {
    int64_t i;
    double d;
    bool b;
    struct {
      uint32_t offset;  // into Record::str
      uint32_t len;
    } str;
  };
};

struct alignas(64) Record : Frame {
  const orch_site *site;
  uint64_t start_ticks;
  uint64_t end_ticks;
  uint8_t parent_span_id[8];
  RecordExtension *ext;
  uint32_t dropped_attrs;
  uint8_t n_attrs;
  uint8_t str_used;
  StatusCode status;
  uint8_t attr_types;  // two bits per inline attribute: its AttrType
  InlineAttr attrs[kInlineAttrs];
  char str[kInlineStringBytes];

  AttrType attr_type(int i) const { return static_cast<AttrType>((attr_types >> (2 * i)) & 3); }
  // Slot i's bits are still clear: init_record clears them all.
  void add_attr_type(int i, AttrType type) { attr_types = static_cast<uint8_t>(attr_types | static_cast<int>(type) << (2 * i)); }
};

static_assert(static_cast<int>(AttrType::Bool) < 4 && 2 * kInlineAttrs <= 8, "Record::attr_types packs 2 bits per attribute");

// offsetof on a derived class is conditionally supported; GCC and Clang support it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static_assert(offsetof(Record, attrs) + 2 * sizeof(InlineAttr) <= 128,
              "a span with two attributes must be copied as two cache lines");
#pragma GCC diagnostic pop
static_assert(sizeof(Record) == 256, "Record is copied whole on span end; keep it at 4 cache lines");

// The error.type a failed span counts under in its site's metrics: what
// span_failed said, else its first exception's type (mangled), else nullptr.
inline const char *failure_type(const Record &r, bool &mangled) {
  const RecordExtension *ext = r.ext;
  mangled = false;
  if (!ext) return nullptr;
  if (!ext->error_type.empty()) {
    mangled = ext->error_type_mangled;
    return ext->error_type.c_str();
  }
  if (ext->events.empty()) return nullptr;
  mangled = true;
  return ext->events[0].type.c_str();
}

// Frees what a finished Record owns besides itself; its final holder calls it.
inline void release_owned(const Record &r) {
  delete r.ext;
  SharedTraceState::release(r.trace_state);
}

}  // namespace orch::rt
