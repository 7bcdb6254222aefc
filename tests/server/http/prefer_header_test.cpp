// RFC 7240 Prefer on POST /api/generate-city: respond-async and wait=N, among other preferences.
#include "server/http/prefer_header.h"

#include <gtest/gtest.h>

namespace {

using server::http::read_prefer;

TEST(PreferHeader, WithoutPreferencesTheDefaultWaitHolds) {
  const auto none = read_prefer("", 25);
  EXPECT_FALSE(none.respond_async);
  EXPECT_EQ(none.wait_seconds, 25);
  EXPECT_EQ(read_prefer("return=minimal", 25).wait_seconds, 25) << "other preferences are ignored";
}

TEST(PreferHeader, ReadsRespondAsyncAndWaitAmongOthers) {
  const auto both = read_prefer("return=minimal, respond-async ,wait=7", 25);
  EXPECT_TRUE(both.respond_async);
  EXPECT_EQ(both.wait_seconds, 7);
  EXPECT_EQ(read_prefer("wait=0", 25).wait_seconds, 0);
}

TEST(PreferHeader, ClampsLongWaitsAndIgnoresMalformedOnes) {
  EXPECT_EQ(read_prefer("wait=100000", 25).wait_seconds, server::http::kMaxWaitSeconds);
  EXPECT_EQ(read_prefer("wait=-3", 25).wait_seconds, 0);
  EXPECT_EQ(read_prefer("wait=10s", 25).wait_seconds, 25);
  EXPECT_EQ(read_prefer("wait=", 25).wait_seconds, 25);
  EXPECT_FALSE(read_prefer("respond-asynchronously", 25).respond_async);
}

}  // namespace
