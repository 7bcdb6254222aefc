#include "console/net/tile_cache.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace {

TEST(TileCache, StoresAndLoadsTilesWithTheirMetadata) {
  narrando::testing::TempDir dir;
  const console::net::TileCache cache(dir.path(), "https://tile.openstreetmap.org");
  EXPECT_FALSE(cache.load({15, 16597, 11273}).has_value());
  ASSERT_TRUE(cache.store({15, 16597, 11273},
                          std::string("\x89PNG\0bytes", 10),
                          {"\"abc\"", "Tue, 01 Jan 2030 00:00:00 GMT", 42}));
  const auto cached = cache.load({15, 16597, 11273});
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->bytes, std::string("\x89PNG\0bytes", 10));
  EXPECT_EQ(cached->meta.etag, "\"abc\"");
  EXPECT_EQ(cached->meta.expires_at, 42);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "tiles" / "tile.openstreetmap.org" / "15" /
                                      "16597" / "11273.png"));
}

TEST(TileCache, TouchRenewsOnlyTheMetadata) {
  narrando::testing::TempDir dir;
  const console::net::TileCache cache(dir.path(), "http://127.0.0.1:8123");
  cache.store({3, 1, 2}, "png", {"\"v1\"", "", 10});
  ASSERT_TRUE(cache.touch({3, 1, 2}, {"\"v1\"", "", 99}));
  const auto cached = cache.load({3, 1, 2});
  EXPECT_EQ(cached->bytes, "png");
  EXPECT_EQ(cached->meta.expires_at, 99);
}

TEST(TileCache, KeepsEachServersTilesApart) {
  narrando::testing::TempDir dir;
  const console::net::TileCache osm(dir.path(), "https://tile.openstreetmap.org");
  const console::net::TileCache local(dir.path(), "http://127.0.0.1:8123");
  osm.store({1, 0, 0}, "osm", {});
  EXPECT_FALSE(local.load({1, 0, 0}).has_value());
  EXPECT_NE(osm.folder(), local.folder());
}

}  // namespace
