// Where a traced call's time goes within a burst: each call of bursts of 256
// (the BM_TracedBursts regime of bench_span) timed alone with rdtsc, the
// exporter taking each burst before the next one, with the caller and the
// exporter thread on chosen vCPUs.
//
//   burst_profile [BURSTS] [CALLER_CPU EXPORTER_CPU]
//
// Prints the mean TSC ticks per call, percentiles of the calls that neither
// open a burst nor a queue chunk, and the first calls and chunk openings by
// position. rdtsc on this VM moves in steps of 26 ticks: read the means.
#include <dirent.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <x86intrin.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_workload.h"
#include "core/span_queue.h"
#include "orch/orch.h"

namespace {

constexpr int kBurst = 256;
constexpr int kChunk = static_cast<int>(orch::rt::kChunkRecords);  // spans per queue chunk

void pin(pid_t tid, int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (sched_setaffinity(tid, sizeof set, &set) != 0) std::perror("sched_setaffinity");
}

// Every thread of the process but the caller: the runtime's exporter.
void pin_other_threads(int cpu) {
  const pid_t self = static_cast<pid_t>(syscall(SYS_gettid));
  DIR *dir = opendir("/proc/self/task");
  if (!dir) return;
  while (dirent *e = readdir(dir)) {
    const pid_t tid = static_cast<pid_t>(std::atoi(e->d_name));
    if (tid > 0 && tid != self) pin(tid, cpu);
  }
  closedir(dir);
}

double mean(const std::vector<uint32_t> &v) {
  double sum = 0;
  for (uint32_t e : v) sum += e;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

uint32_t percentile(std::vector<uint32_t> &sorted, double p) {
  return sorted[static_cast<size_t>(p * static_cast<double>(sorted.size() - 1))];
}

}  // namespace

int main(int argc, char **argv) {
  if (argc == 3 || argc > 4 || (argc > 1 && std::atoi(argv[1]) <= 0)) {
    std::fprintf(stderr, "usage: burst_profile [BURSTS] [CALLER_CPU EXPORTER_CPU]\n");
    return 2;
  }
  const int bursts = argc > 1 ? std::atoi(argv[1]) : 5000;
  const bool placed = argc > 3;
  setenv("OTEL_TRACES_EXPORTER", "file", 0);  // as bench_span: OTLP/JSON to /dev/null
  setenv("ORCH_FILE_EXPORTER_PATH", "/dev/null", 0);
  setenv("OTEL_BSP_MAX_QUEUE_SIZE", "16384", 0);
  setenv("ORCH_SITE_SPAN_LIMIT", "0", 0);  // every call a span: spans are what is measured
  if (placed) pin(0, std::atoi(argv[2]));

  std::vector<std::vector<uint32_t>> ticks(kBurst);
  for (auto &v : ticks) v.reserve(static_cast<size_t>(bursts));
  int64_t x = 0;
  for (int b = 0; b < bursts; ++b) {
    for (int i = 0; i < kBurst; ++i) {
      const uint64_t t0 = __rdtsc();
      x = orch::bench::traced_call(x, 7);
      ticks[i].push_back(static_cast<uint32_t>(__rdtsc() - t0));
    }
    orch_flush(10000);
    // The exporter thread exists from the first span on: placed after the first burst.
    if (placed && b == 0) pin_other_threads(std::atoi(argv[3]));
  }

  double total = 0;
  std::vector<uint32_t> steady;
  for (int i = 0; i < kBurst; ++i) {
    total += mean(ticks[i]);
    if (i > kChunk && i % kChunk != 0) steady.insert(steady.end(), ticks[i].begin(), ticks[i].end());
  }
  std::sort(steady.begin(), steady.end());
  std::printf("ticks per traced call, mean over the burst: %.1f (%d bursts of %d)\n", total / kBurst, bursts, kBurst);
  std::printf("calls past the first chunk, not opening one: p50 %u p75 %u p90 %u p99 %u, mean %.1f\n",
              percentile(steady, 0.5), percentile(steady, 0.75), percentile(steady, 0.9), percentile(steady, 0.99),
              mean(steady));
  std::string first;
  for (int i = 0; i < kBurst; ++i)
    if (i < 4 || i % kChunk == 0) first += " " + std::to_string(i) + ":" + std::to_string(static_cast<int>(mean(ticks[i])));
  std::printf("mean by position (first calls, chunk openings):%s\n", first.c_str());
  asm volatile("" : : "r"(x));  // the calls must not be folded away
  return 0;
}
