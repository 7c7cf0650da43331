/* orch runtime: its own counters, for programs, tests and benchmarks that
 * want to know what happened to their spans (the same numbers are reported
 * on stderr at exit when something was lost). Exported by liborch_runtime.so;
 * look it up with dlsym(RTLD_DEFAULT, "orch_stats_get") when the runtime was
 * loaded by the weave header. */
#ifndef ORCH_STATS_H
#define ORCH_STATS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Append-only: new counters go at the end. */
typedef struct orch_stats {
  uint64_t spans_published;     /* ended and queued for export */
  uint64_t spans_dropped;       /* ended but not queued: queue full (OTEL_BSP_MAX_QUEUE_SIZE) */
  uint64_t spans_exported;      /* accepted by the exporter */
  uint64_t spans_export_failed; /* export refused, or given up after OTEL_BSP_EXPORT_TIMEOUT */
  uint64_t spans_rejected;      /* in an accepted export, refused by the receiver (OTLP partial success) */
} orch_stats;

/* Fills the first `size` bytes of *out (pass sizeof(orch_stats)); returns
 * the number of bytes written. Counts cover this process since it started
 * (or since fork(), in a child). */
size_t orch_stats_get(orch_stats *out, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* ORCH_STATS_H */
