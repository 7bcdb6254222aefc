// The injected clock: a ManualClock's time and waits move only when the test advances it.
#include "server/support/clock.h"

#include <gtest/gtest.h>

#include <future>

namespace {

using namespace std::chrono_literals;
using server::support::ManualClock;

// Runs `wait` (which returns what the clock's wait returned) on a thread of its own.
std::future<bool> waiting(std::function<bool()> wait) {
  return std::async(std::launch::async, std::move(wait));
}

TEST(ManualClock, StandsStillUntilAdvancedThenMovesBothTimes) {
  ManualClock clock;
  const auto wall = clock.now();
  const auto steady = clock.steady_now();
  EXPECT_EQ(clock.now(), wall);
  clock.advance(90s);
  EXPECT_EQ(clock.now() - wall, 90s);
  EXPECT_EQ(clock.steady_now() - steady, 90s);
  EXPECT_EQ(server::support::to_iso8601(
                ManualClock(server::support::from_iso8601("2026-12-07T08:00:00.000Z")).now()),
            "2026-12-07T08:00:00.000Z");
}

TEST(ManualClock, AWaitEndsWhenTheClockPassesItsDeadlineNotBefore) {
  ManualClock clock;
  std::mutex mutex;
  std::condition_variable wake;
  auto result = waiting([&] {
    std::unique_lock lock(mutex);
    return clock.wait_for(wake, lock, 10s, [] { return false; });
  });
  EXPECT_EQ(result.wait_for(50ms), std::future_status::timeout) << "real time does not count";
  clock.advance(9s);
  EXPECT_EQ(result.wait_for(50ms), std::future_status::timeout) << "9 of 10 s";
  clock.advance(1s);
  ASSERT_EQ(result.wait_for(5s), std::future_status::ready);
  EXPECT_FALSE(result.get()) << "timed out";
  EXPECT_EQ(clock.waiters(), 0);
}

TEST(ManualClock, AWaitEndsAtOnceWhenItsConditionHolds) {
  ManualClock clock;
  std::mutex mutex;
  std::condition_variable wake;
  bool ready = false;
  auto result = waiting([&] {
    std::unique_lock lock(mutex);
    return clock.wait_for(wake, lock, 10s, [&] { return ready; });
  });
  while (clock.waiters() == 0) std::this_thread::yield();
  {
    std::lock_guard lock(mutex);
    ready = true;
  }
  wake.notify_all();
  ASSERT_EQ(result.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(result.get());
}

TEST(ManualClock, SleepsLastClockTime) {
  ManualClock clock;
  auto slept = waiting([&] {
    clock.sleep_for(250ms);
    return true;
  });
  EXPECT_EQ(slept.wait_for(50ms), std::future_status::timeout);
  clock.advance(250ms);
  EXPECT_EQ(slept.wait_for(5s), std::future_status::ready);
}

TEST(SystemClock, WaitsRealTime) {
  const server::support::Clock& clock = server::support::system_clock();
  std::mutex mutex;
  std::condition_variable wake;
  std::unique_lock lock(mutex);
  const auto before = std::chrono::steady_clock::now();
  EXPECT_FALSE(clock.wait_for(wake, lock, 20ms, [] { return false; }));
  EXPECT_GE(std::chrono::steady_clock::now() - before, 20ms);
}

}  // namespace
