#include "workers.h"

#include <atomic>
#include <thread>
#include <vector>

namespace demo {

static long process(int job) { return job * 10L; }

long run_workers(int threads, int jobs) {
  std::atomic<long> total{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&total, jobs, t] {
      for (int j = 0; j < jobs; ++j) total += process(t * jobs + j);
    });
  for (auto &th : pool) th.join();
  return total.load();
}

}  // namespace demo
