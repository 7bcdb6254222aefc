#include "console/net/tile_fetcher.h"

#include <gtest/gtest.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "shared/errors.h"
#include "tests/console/support/fake_tile_server.h"
#include "tests/support/temp_dir.h"

namespace {

constexpr const char* kAgent =
    "NarrandoConsole/0.1.0 (Narrando editors' console; tests@narrando.example)";

// Asks for `tiles` until all arrived or 10 s passed; returns what arrived.
std::vector<console::net::TileImage> fetch_all(console::net::TileFetcher& fetcher,
                                               const std::vector<core::algo::TileId>& tiles) {
  std::vector<console::net::TileImage> images;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (images.size() < tiles.size() && std::chrono::steady_clock::now() < deadline) {
    fetcher.want(tiles);
    for (auto& image : fetcher.take_ready()) images.push_back(std::move(image));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return images;
}

TEST(TileFetcher, FetchesWithItsUserAgentAndDecodes) {
  console::testing::FakeTileServer server(console::testing::solid_png(10, 200, 30));
  narrando::testing::TempDir cache;
  console::net::TileFetcher fetcher({server.url_template(), kAgent, cache.path()}, 2);
  const auto images = fetch_all(fetcher, {{14, 7800, 6100}, {14, 7801, 6100}});
  ASSERT_EQ(images.size(), 2u);
  EXPECT_EQ(images[0].width, 256);
  EXPECT_EQ(images[0].rgba.size(), 256u * 256u * 4u);
  EXPECT_EQ(images[0].rgba[0], 10);
  EXPECT_EQ(images[0].rgba[1], 200);
  EXPECT_EQ(server.served(), 2);
  for (const std::string& agent : server.agents()) EXPECT_EQ(agent, kAgent);
}

TEST(TileFetcher, ServesFreshTilesFromTheDiskCache) {
  console::testing::FakeTileServer server(console::testing::solid_png(1, 2, 3));
  narrando::testing::TempDir cache;
  {
    console::net::TileFetcher first({server.url_template(), kAgent, cache.path()}, 1);
    ASSERT_EQ(fetch_all(first, {{10, 500, 380}}).size(), 1u);
  }
  console::net::TileFetcher second({server.url_template(), kAgent, cache.path()}, 1);
  ASSERT_EQ(fetch_all(second, {{10, 500, 380}}).size(), 1u);
  EXPECT_EQ(server.served(), 1);  // the second fetcher never asked the server
  EXPECT_EQ(second.stats().from_cache, 1);
}

TEST(TileFetcher, RevalidatesStaleTilesWithTheirEtag) {
  console::testing::FakeTileServer server(console::testing::solid_png(1, 2, 3),
                                          0);  // stale at once
  narrando::testing::TempDir cache;
  {
    console::net::TileFetcher first({server.url_template(), kAgent, cache.path()}, 1);
    ASSERT_EQ(fetch_all(first, {{10, 500, 380}}).size(), 1u);
  }
  console::net::TileFetcher second({server.url_template(), kAgent, cache.path()}, 1);
  ASSERT_EQ(fetch_all(second, {{10, 500, 380}}).size(), 1u);
  EXPECT_EQ(server.served(), 1);
  EXPECT_EQ(server.not_modified(), 1);
  EXPECT_EQ(second.stats().revalidated, 1) << second.stats().problem;
}

TEST(TileFetcher, OfflineItServesStaleCacheAndSaysSo) {
  narrando::testing::TempDir cache;
  std::string url;
  {
    console::testing::FakeTileServer server(console::testing::solid_png(1, 2, 3), 0);
    url = server.url_template();
    console::net::TileFetcher first({url, kAgent, cache.path()}, 1);
    ASSERT_EQ(fetch_all(first, {{10, 500, 380}}).size(), 1u);
  }
  // The server is gone: the stale tile is still drawn, the fetcher reports offline.
  console::net::TileFetcher second({url, kAgent, cache.path()}, 1);
  ASSERT_EQ(fetch_all(second, {{10, 500, 380}}).size(), 1u);
  EXPECT_TRUE(second.stats().offline);
  EXPECT_NE(second.stats().problem.find("unreachable"), std::string::npos);
}

TEST(TileFetcher, AGenericAgentIsRefusedByThePolicyServer) {
  console::testing::FakeTileServer server(console::testing::solid_png(1, 2, 3));
  narrando::testing::TempDir cache;
  console::net::TileFetcher fetcher({server.url_template(), "cpp-httplib/0.11", cache.path()}, 1);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (fetcher.stats().failed == 0 && std::chrono::steady_clock::now() < deadline) {
    fetcher.want({{3, 1, 1}});
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(server.refused(), 1);
  EXPECT_NE(fetcher.stats().problem.find("HTTP 403"), std::string::npos);
  EXPECT_TRUE(fetcher.take_ready().empty());
}

TEST(TileFetcher, RejectsATemplateWithoutPlaceholders) {
  narrando::testing::TempDir cache;
  EXPECT_THROW(console::net::TileFetcher(
                   {"https://tile.openstreetmap.org/tiles.png", kAgent, cache.path()}, 1),
               core::InputError);
}

TEST(TileFetcher, ReplacingItDoesNotWaitForASlowTileServer) {
  // A tile server that accepts the request and then says nothing until the test lets it go.
  httplib::Server slow;
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  std::atomic<bool> requested{false};
  slow.Get(R"(/(\d+)/(\d+)/(\d+)\.png)", [&](const httplib::Request&, httplib::Response& response) {
    requested = true;
    std::unique_lock lock(mutex);
    released_cv.wait_for(lock, std::chrono::seconds(60), [&] { return released; });
    response.status = 503;
  });
  const int port = slow.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { slow.listen_after_bind(); });
  narrando::testing::TempDir cache;
  auto fetcher = std::make_unique<console::net::TileFetcher>(
      console::net::TileSource{
          "http://127.0.0.1:" + std::to_string(port) + "/{z}/{x}/{y}.png", kAgent, cache.path()},
      1);
  fetcher->want({{3, 4, 2}});
  for (int i = 0; i < 2000 && !requested; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(requested);
  // The read timeout is 15 s; the destructor must cut the request instead of waiting for it.
  const auto start = std::chrono::steady_clock::now();
  fetcher.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  {
    std::lock_guard lock(mutex);
    released = true;
  }
  released_cv.notify_all();
  slow.stop();
  serving.join();
}

}  // namespace
