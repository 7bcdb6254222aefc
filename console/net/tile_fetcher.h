#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <stop_token>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "console/net/tile_cache.h"
#include "shared/algo/web_mercator.h"

namespace httplib {
class Client;
}

namespace console::net {

/// A decoded tile ready for a texture: 8-bit RGBA rows, top row first.
struct TileImage {
  core::algo::TileId id;
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
};

/// What the tile fetcher did so far, for the status bar.
struct TileStats {
  bool offline = false;  ///< the last network attempt failed; cached tiles only for a while
  std::string problem;   ///< the last failure, for people
  int queued = 0;
  int in_flight = 0;
  int from_network = 0;
  int from_cache = 0;
  int revalidated = 0;  ///< 304 Not Modified answers
  int failed = 0;
};

/// How to reach the tile server.
struct TileSource {
  std::string url_template;  ///< "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
  std::string user_agent;    ///< specific to this app (apis.md §6)
  std::filesystem::path cache_root;
};

/// Decodes a PNG (or any image stb_image reads) to RGBA; false when the bytes are not an image.
bool decode_image(const std::string& bytes, TileImage& image);

/// Fetches map tiles on background threads, only those on screen (want() replaces the queue each
/// frame: no prefetching, no bulk download), through the disk cache with revalidation. After a
/// network failure it serves cached (even stale) tiles only and retries the network 30 s later.
/// Thread-safe; nothing blocks the caller.
class TileFetcher {
 public:
  /// Throws core::InputError when the URL template is malformed.
  TileFetcher(TileSource source, int threads);
  /// Cancels the requests in flight and joins the threads (within a second, not a read timeout).
  ~TileFetcher();
  TileFetcher(const TileFetcher&) = delete;
  TileFetcher& operator=(const TileFetcher&) = delete;

  /// The tiles the canvas lacks, most wanted first. Tiles already delivered (until forget()),
  /// in flight, or failed within the last minute are skipped.
  void want(const std::vector<core::algo::TileId>& tiles);
  /// Lets a delivered tile be fetched again (its texture was evicted).
  void forget(const core::algo::TileId& tile);
  /// Tiles decoded since the last call.
  std::vector<TileImage> take_ready();
  /// Counters and the offline state.
  TileStats stats() const;

 private:
  using Key = std::tuple<int, int, int>;
  using Clock = std::chrono::steady_clock;

  void run(std::stop_token stop);
  void fetch(const core::algo::TileId& tile, httplib::Client& client);
  void deliver(const core::algo::TileId& tile, const std::string& bytes, int TileStats::*counter);
  void fail(const core::algo::TileId& tile, const std::string& problem, bool network_down);

  TileSource m_source;
  std::string m_origin;
  std::string m_path_template;
  TileCache m_cache;
  mutable std::mutex m_mutex;
  std::condition_variable_any m_wake;
  std::vector<httplib::Client*>
      m_clients;  ///< each thread's client, so the destructor can stop() it
  std::deque<core::algo::TileId> m_queue;
  std::set<Key> m_in_flight;
  std::set<Key> m_delivered;
  std::map<Key, Clock::time_point> m_retry_after;
  Clock::time_point m_offline_until{};
  std::vector<TileImage> m_ready;
  TileStats m_stats;
  std::vector<std::jthread> m_threads;  ///< last: start once the rest exists
};

}  // namespace console::net
