#include <gtest/gtest.h>

#include <vector>

#include "core/span_queue.h"

namespace orch::rt {
namespace {

TEST(ChunkPool, ReusesTheOldestChunkOnlyOnceTheRotationIsFull) {
  // A queue limit of 3 full chunks keeps 3 returned chunks in rotation.
  ChunkPool pool(3 * kChunkRecords);
  std::vector<Chunk *> taken;
  for (int i = 0; i < 4; ++i) taken.push_back(pool.take());
  for (Chunk *c : taken) pool.give_back(c);  // returned in order 0, 1, 2, 3

  EXPECT_EQ(pool.take(), taken[0]);  // 4 waiting > 3: the oldest comes back
  Chunk *fresh = pool.take();        // 3 waiting: a new chunk, not taken[1]
  for (Chunk *c : taken) EXPECT_NE(fresh, c);
  pool.give_back(fresh);
  EXPECT_EQ(pool.take(), taken[1]);
  delete taken[0];
  delete taken[1];
}

TEST(ChunkPool, ARecycledChunkStartsEmpty) {
  ChunkPool pool(0);  // no rotation: a returned chunk is reused at once
  Chunk *c = pool.take();
  c->published.store(7);
  c->next.store(c);
  pool.give_back(c);
  Chunk *again = pool.take();
  ASSERT_EQ(again, c);
  EXPECT_EQ(again->published.load(), 0u);
  EXPECT_EQ(again->next.load(), nullptr);
  delete again;
}

}  // namespace
}  // namespace orch::rt
