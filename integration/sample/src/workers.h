#pragma once

namespace demo {
// Runs `threads` workers, each processing `jobs` jobs; returns the sum of results.
long run_workers(int threads, int jobs);
}  // namespace demo
