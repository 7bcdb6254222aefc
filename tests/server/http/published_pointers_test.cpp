#include "server/http/published_pointers.h"

#include <gtest/gtest.h>

namespace {

using server::http::PublishedPointers;
using namespace std::chrono_literals;

TEST(PublishedPointers, AnswersWithinTheTimeToLiveOnly) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  EXPECT_FALSE(pointers.lookup("city", t0).revision);
  pointers.remember("city", 3, t0);
  EXPECT_EQ(pointers.lookup("city", t0 + 1999ms).revision, 3);
  EXPECT_FALSE(pointers.lookup("other", t0).revision);
}

TEST(PublishedPointers, AfterExpiryOneCallerHasItRefreshedAndEveryoneKeepsTheOldAnswer) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("city", 3, t0);
  const auto first = pointers.lookup("city", t0 + 2s);
  EXPECT_EQ(first.revision, 3);
  EXPECT_TRUE(first.refresh);  // the first caller after expiry has the store read again
  const auto next = pointers.lookup("city", t0 + 2100ms);
  EXPECT_EQ(next.revision, 3);
  EXPECT_FALSE(next.refresh);                 // one refresh per expiry
  pointers.remember("city", 4, t0 + 2050ms);  // what the refresh read
  EXPECT_EQ(pointers.lookup("city", t0 + 2300ms).revision, 4);
  EXPECT_FALSE(pointers.lookup("city", t0 + 2300ms).refresh);
}

TEST(PublishedPointers, AFailedRefreshDoesNotKeepTheOldAnswerForever) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("city", 3, t0);
  EXPECT_TRUE(pointers.lookup("city", t0 + 2s).refresh);  // this refresh never comes back
  EXPECT_EQ(pointers.lookup("city", t0 + 3s).revision, 3);
  EXPECT_FALSE(pointers.lookup("city", t0 + 2s + PublishedPointers::kRefreshAllowance).revision);
  EXPECT_FALSE(
      pointers.lookup("city", t0 + 2s + PublishedPointers::kRefreshAllowance + 1s).revision);
}

TEST(PublishedPointers, ForgetAndAZeroTimeToLiveMeanAskTheStore) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("city", 3, t0);
  pointers.forget("city");
  EXPECT_FALSE(pointers.lookup("city", t0).revision);
  PublishedPointers off(0s);
  off.remember("city", 3, t0);
  EXPECT_FALSE(off.lookup("city", t0).revision);
}

TEST(PublishedPointers, StaysBoundedWhenFull) {
  PublishedPointers pointers(10s, 3);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("a", 1, t0);
  pointers.remember("b", 1, t0 + 9s);
  pointers.remember("c", 1, t0 + 9s);
  pointers.remember("d", 1, t0 + 11s);  // full: "a" has expired and goes
  EXPECT_FALSE(pointers.lookup("a", t0 + 11s).revision);
  EXPECT_EQ(pointers.lookup("b", t0 + 11s).revision, 1);
  EXPECT_EQ(pointers.lookup("d", t0 + 11s).revision, 1);
  pointers.remember(
      "e", 2, t0 + 12s);  // full of live entries ("a" gone, "b".."d" fresh): start again
  EXPECT_EQ(pointers.lookup("e", t0 + 12s).revision, 2);
  EXPECT_FALSE(pointers.lookup("b", t0 + 12s).revision);
}

}  // namespace

#include <thread>

#include "server/http/published_refresher.h"
#include "tests/server/storage/store_backends.h"

namespace {

using server::http::PublishedRefresher;

// Waits up to 5 s for `pointers` to know `city_id` as freshly read (within its time to live).
std::optional<int> wait_for_fresh(PublishedPointers& pointers, const std::string& city_id) {
  for (int i = 0; i < 500; ++i) {
    const auto known = pointers.lookup(city_id, PublishedPointers::Clock::now());
    if (known.revision && !known.refresh) return known.revision;
    std::this_thread::sleep_for(10ms);
  }
  return std::nullopt;
}

TEST(PublishedRefresher, RereadsAnExpiredEntryFromTheStoreOffTheCallersThread) {
  auto store =
      narrando::testing::store_backends().front().open(server::support::system_clock());  // SQLite
  auto sample = narrando::testing::sample_generation("geonames:2735943");
  const auto queued = store->enqueue_job("geonames:2735943", {}, "");
  const auto job = store->claim_specific_job(queued.job.id, "w", std::chrono::seconds(30));
  const std::string city =
      store->save_generation(sample.city, sample.revision, sample.trace, *job, "w", true).city_id;

  PublishedPointers pointers(1s);
  server::service::ReadService reads(*store);
  PublishedRefresher refresher(reads, pointers);
  // An entry read long ago, with a revision the store no longer says (as after another
  // instance's publish).
  pointers.remember(city, 7, PublishedPointers::Clock::now() - 1h);
  const auto expired = pointers.lookup(city, PublishedPointers::Clock::now() - 1h + 1500ms);
  ASSERT_TRUE(expired.refresh);
  EXPECT_EQ(expired.revision, 7) << "the caller answers with what it knew";
  refresher.request(city);
  EXPECT_EQ(wait_for_fresh(pointers, city), 1) << "the store's published revision";
}

TEST(PublishedRefresher, ForgetsACityThatIsNoLongerPublished) {
  auto store = narrando::testing::store_backends().front().open(server::support::system_clock());
  PublishedPointers pointers(1s);
  server::service::ReadService reads(*store);
  PublishedRefresher refresher(reads, pointers);
  const std::string gone = "00000000-0000-4000-8000-000000000000";
  pointers.remember(gone, 2, PublishedPointers::Clock::now() - 1h);
  refresher.request(gone);
  for (int i = 0; i < 500 && pointers.lookup(gone, PublishedPointers::Clock::now() - 1h).revision;
       ++i) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_FALSE(pointers.lookup(gone, PublishedPointers::Clock::now() - 1h).revision)
      << "the next reader asks the store itself";
}

}  // namespace
