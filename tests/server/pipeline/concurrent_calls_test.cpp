// The bounded executor and the lanes of a run: at most the limit at once, failures rethrown on the
// calling thread, calls merged in task order whatever order the tasks finish in, one budget.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "server/errors.h"
#include "server/pipeline/concurrent_calls.h"
#include "server/support/bounded_executor.h"

namespace {

using server::pipeline::RunContext;
using server::support::for_each_bounded;

void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

TEST(BoundedExecutor, RunsEveryTaskOnceAndNeverMoreThanTheLimitAtOnce) {
  std::atomic<int> in_flight{0};
  std::atomic<int> most{0};
  std::mutex mutex;
  std::multiset<std::size_t> ran;
  const std::size_t count = for_each_bounded(12, 3, [&](std::size_t index) {
    const int now = ++in_flight;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {}
    pause_ms(15);
    --in_flight;
    std::lock_guard lock(mutex);
    ran.insert(index);
  });
  EXPECT_EQ(count, 12u);
  EXPECT_EQ(ran.size(), 12u);
  for (std::size_t i = 0; i < 12; ++i) EXPECT_EQ(ran.count(i), 1u) << i;
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 2) << "tasks overlapped";
}

// Both failures happen on threads; reaching the catch (not std::terminate) shows they were carried
// over.
TEST(BoundedExecutor, RethrowsTheFailureOfTheLowestIndexOnTheCallingThread) {
  try {
    for_each_bounded(4, 4, [&](std::size_t index) {
      if (index == 3) throw std::runtime_error("three");  // fails first
      if (index == 1) {
        pause_ms(40);
        throw std::runtime_error("one");
      }
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "one") << "the lowest index wins, not the first to fail";
  }
}

TEST(BoundedExecutor, OneThreadStopsAtTheFirstFailureLikeALoop) {
  std::vector<std::size_t> ran;
  EXPECT_THROW(for_each_bounded(5,
                                1,
                                [&](std::size_t index) {
                                  ran.push_back(index);
                                  if (index == 1) throw std::logic_error("stop");
                                }),
               std::logic_error);
  EXPECT_EQ(ran, (std::vector<std::size_t>{0, 1}));
}

TEST(RunConcurrently, MergesLanesInTaskOrderWhateverOrderTheyFinishIn) {
  RunContext context;
  context.concurrency = 6;
  server::pipeline::run_concurrently(context, 6, [](std::size_t index, RunContext& lane) {
    pause_ms(static_cast<int>(6 - index) * 15);  // the last task finishes first
    core::model::ExternalCall call;
    call.operation = "op" + std::to_string(index);
    lane.calls.push_back(call);
    lane.notes.push_back("note" + std::to_string(index));
  });
  ASSERT_EQ(context.calls.size(), 6u);
  ASSERT_EQ(context.notes.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(context.calls[i].operation, "op" + std::to_string(i));
    EXPECT_EQ(context.notes[i], "note" + std::to_string(i));
  }
}

TEST(RunConcurrently, LanesSpendOneBudget) {
  RunContext context;
  context.call_budget = 5;
  context.concurrency = 8;
  std::atomic<int> granted{0};
  server::pipeline::run_concurrently(context, 16, [&](std::size_t, RunContext& lane) {
    for (int i = 0; i < 3; ++i) granted += lane.take_call() ? 1 : 0;
  });
  EXPECT_EQ(granted.load(), 5);
  EXPECT_EQ(context.call_budget, 0);
  EXPECT_FALSE(context.take_call());
}

TEST(RunConcurrently, ACancelStopsTheHandOutAndKeepsTheCallsMade) {
  std::atomic<bool> cancel{false};
  RunContext context;
  context.cancel = &cancel;
  context.concurrency = 1;
  EXPECT_THROW(server::pipeline::run_concurrently(context,
                                                  5,
                                                  [&](std::size_t index, RunContext& lane) {
                                                    core::model::ExternalCall call;
                                                    call.operation = "op" + std::to_string(index);
                                                    lane.calls.push_back(call);
                                                    cancel = true;
                                                  }),
               server::CancelledError);
  ASSERT_EQ(context.calls.size(), 1u);
  EXPECT_EQ(context.calls[0].operation, "op0");
}

TEST(RunConcurrently, AFailedTaskIsRethrownAfterItsSiblingsCallsAreMerged) {
  RunContext context;
  context.concurrency = 3;
  EXPECT_THROW(server::pipeline::run_concurrently(context,
                                                  3,
                                                  [](std::size_t index, RunContext& lane) {
                                                    lane.calls.emplace_back();
                                                    if (index == 0)
                                                      throw server::UpstreamError(
                                                          "places", 503, "down", true);
                                                    pause_ms(20);
                                                  }),
               server::UpstreamError);
  EXPECT_GE(context.calls.size(), 1u);
  EXPECT_LE(context.calls.size(), 3u);
}

}  // namespace
