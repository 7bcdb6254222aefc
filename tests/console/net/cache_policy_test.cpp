#include "console/net/cache_policy.h"

#include <gtest/gtest.h>

namespace {

using console::net::CacheHeaders;

TEST(MaxAge, ReadsCacheControl) {
  EXPECT_EQ(console::net::max_age_seconds("max-age=604800"), 604800);
  EXPECT_EQ(console::net::max_age_seconds("public, max-age=86400, stale-while-revalidate=3600"),
            86400);
  EXPECT_EQ(console::net::max_age_seconds("max-age=60, s-maxage=300"), 300);
  EXPECT_EQ(console::net::max_age_seconds("no-cache"), 0);
  EXPECT_FALSE(console::net::max_age_seconds("public").has_value());
  EXPECT_FALSE(console::net::max_age_seconds("").has_value());
}

TEST(HttpDate, ParsesImfFixdate) {
  EXPECT_EQ(console::net::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(console::net::parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
  EXPECT_FALSE(console::net::parse_http_date("yesterday").has_value());
  EXPECT_FALSE(console::net::parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT").has_value());
}

TEST(ExpiryTime, HonoursTheServerOrKeepsSevenDays) {
  const std::int64_t now = 1'800'000'000;
  EXPECT_EQ(console::net::expiry_time(CacheHeaders{"max-age=3600", "", "", ""}, now), now + 3600);
  EXPECT_EQ(
      console::net::expiry_time(CacheHeaders{"", "Sun, 06 Nov 1994 08:49:37 GMT", "", ""}, now),
      784111777);
  EXPECT_EQ(console::net::expiry_time(CacheHeaders{}, now), now + 7 * 24 * 3600);
}

}  // namespace
