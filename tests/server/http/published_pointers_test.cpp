#include "server/http/published_pointers.h"

#include <gtest/gtest.h>

namespace {

using server::http::PublishedPointers;
using namespace std::chrono_literals;

TEST(PublishedPointers, AnswersWithinTheTimeToLiveOnly) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  EXPECT_FALSE(pointers.find("city", t0));
  pointers.remember("city", 3, t0);
  EXPECT_EQ(pointers.find("city", t0 + 1999ms), 3);
  EXPECT_FALSE(pointers.find("other", t0));
}

TEST(PublishedPointers, AfterExpiryOneCallerRefreshesWhileTheOthersKeepTheOldAnswer) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("city", 3, t0);
  EXPECT_FALSE(pointers.find("city", t0 + 2s));     // the first caller after expiry reads the store
  EXPECT_EQ(pointers.find("city", t0 + 2100ms), 3);  // the others do not, meanwhile
  pointers.remember("city", 4, t0 + 2200ms);         // what the first caller read
  EXPECT_EQ(pointers.find("city", t0 + 2300ms), 4);
}

TEST(PublishedPointers, AFailedRefreshDoesNotKeepTheOldAnswerForever) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("city", 3, t0);
  EXPECT_FALSE(pointers.find("city", t0 + 2s));  // this caller never comes back
  EXPECT_EQ(pointers.find("city", t0 + 3s), 3);
  EXPECT_FALSE(pointers.find("city", t0 + 2s + PublishedPointers::kRefreshAllowance));
  EXPECT_FALSE(pointers.find("city", t0 + 2s + PublishedPointers::kRefreshAllowance + 1s));
}

TEST(PublishedPointers, ForgetAndAZeroTimeToLiveMeanAskTheStore) {
  PublishedPointers pointers(2s);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("city", 3, t0);
  pointers.forget("city");
  EXPECT_FALSE(pointers.find("city", t0));
  PublishedPointers off(0s);
  off.remember("city", 3, t0);
  EXPECT_FALSE(off.find("city", t0));
}

TEST(PublishedPointers, StaysBoundedWhenFull) {
  PublishedPointers pointers(10s, 3);
  const auto t0 = PublishedPointers::Clock::time_point{} + 1h;
  pointers.remember("a", 1, t0);
  pointers.remember("b", 1, t0 + 9s);
  pointers.remember("c", 1, t0 + 9s);
  pointers.remember("d", 1, t0 + 11s);  // full: "a" has expired and goes
  EXPECT_FALSE(pointers.find("a", t0 + 11s));
  EXPECT_EQ(pointers.find("b", t0 + 11s), 1);
  EXPECT_EQ(pointers.find("d", t0 + 11s), 1);
  pointers.remember("e", 2, t0 + 12s);  // full of live entries ("a" gone, "b".."d" fresh): start again
  EXPECT_EQ(pointers.find("e", t0 + 12s), 2);
  EXPECT_FALSE(pointers.find("b", t0 + 12s));
}

}  // namespace
