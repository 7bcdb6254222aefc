#include "console/net/tile_fetcher.h"

#include <httplib.h>
#include <stb_image.h>

#include "console/net/cache_policy.h"
#include "console/net/http_url.h"

#include <utility>

namespace console::net {
namespace {

constexpr auto kOfflineBackoff = std::chrono::seconds(30);
constexpr auto kTileRetryDelay = std::chrono::seconds(60);
constexpr std::size_t kMaxQueued = 128;

std::int64_t epoch_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool decode_image(const std::string& bytes, TileImage& image) {
  int width = 0;
  int height = 0;
  int channels = 0;
  stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                          static_cast<int>(bytes.size()),
                                          &width,
                                          &height,
                                          &channels,
                                          4);
  if (!pixels) return false;
  image.width = width;
  image.height = height;
  image.rgba.assign(
      pixels, pixels + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  stbi_image_free(pixels);
  return true;
}

TileFetcher::TileFetcher(TileSource source, int threads)
    : m_source(std::move(source)), m_origin(split_url(m_source.url_template).origin),
      m_path_template(split_url(m_source.url_template).path),
      m_cache(m_source.cache_root, m_origin) {
  tile_path(m_path_template, {0, 0, 0});  // validates the {z}/{x}/{y} placeholders now
  for (int i = 0; i < threads; ++i)
    m_threads.emplace_back([this](std::stop_token stop) { run(std::move(stop)); });
}

TileFetcher::~TileFetcher() {
  for (std::jthread& thread : m_threads) thread.request_stop();
  {
    // stop() shuts the socket of a request in flight, so a slow tile server cannot hold the
    // frame that replaces this fetcher for a whole read timeout.
    std::lock_guard lock(m_mutex);
    for (httplib::Client* client : m_clients) client->stop();
  }
  m_wake.notify_all();
  m_threads.clear();
}

void TileFetcher::want(const std::vector<core::algo::TileId>& tiles) {
  std::lock_guard lock(m_mutex);
  m_queue.clear();
  const auto now = Clock::now();
  for (const core::algo::TileId& tile : tiles) {
    const Key key{tile.z, tile.x, tile.y};
    if (m_in_flight.contains(key) || m_delivered.contains(key)) continue;
    if (const auto it = m_retry_after.find(key); it != m_retry_after.end() && it->second > now)
      continue;
    if (m_queue.size() < kMaxQueued) m_queue.push_back(tile);
  }
  m_stats.queued = static_cast<int>(m_queue.size());
  if (!m_queue.empty()) m_wake.notify_all();
}

void TileFetcher::forget(const core::algo::TileId& tile) {
  std::lock_guard lock(m_mutex);
  m_delivered.erase({tile.z, tile.x, tile.y});
}

std::vector<TileImage> TileFetcher::take_ready() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_ready, {});
}

TileStats TileFetcher::stats() const {
  std::lock_guard lock(m_mutex);
  TileStats stats = m_stats;
  stats.offline = Clock::now() < m_offline_until;
  return stats;
}

void TileFetcher::run(std::stop_token stop) {
  httplib::Client client(m_origin);
  client.set_connection_timeout(3, 0);
  client.set_read_timeout(15, 0);
  // No set_follow_location: httplib 0.11 treats every 3xx as a redirect, so a 304 Not Modified
  // (the answer to our revalidation) would fail for want of a Location header.
  client.set_keep_alive(true);
  {
    std::lock_guard lock(m_mutex);
    m_clients.push_back(&client);
  }
  struct Unregister {
    TileFetcher& fetcher;
    httplib::Client* client;
    ~Unregister() {
      std::lock_guard lock(fetcher.m_mutex);
      std::erase(fetcher.m_clients, client);
    }
  } unregister{*this, &client};
  while (!stop.stop_requested()) {
    core::algo::TileId tile;
    {
      std::unique_lock lock(m_mutex);
      if (!m_wake.wait(lock, stop, [this] { return !m_queue.empty(); })) return;
      tile = m_queue.front();
      m_queue.pop_front();
      m_in_flight.insert({tile.z, tile.x, tile.y});
      m_stats.queued = static_cast<int>(m_queue.size());
      m_stats.in_flight = static_cast<int>(m_in_flight.size());
    }
    try {
      fetch(tile, client);
    } catch (const std::exception& e) {
      fail(tile, e.what(), false);
    }
    std::lock_guard lock(m_mutex);
    m_in_flight.erase({tile.z, tile.x, tile.y});
    m_stats.in_flight = static_cast<int>(m_in_flight.size());
  }
}

void TileFetcher::fetch(const core::algo::TileId& tile, httplib::Client& client) {
  const std::optional<CachedTile> cached = m_cache.load(tile);
  const std::int64_t now = epoch_now();
  if (cached && cached->meta.expires_at > now)
    return deliver(tile, cached->bytes, &TileStats::from_cache);
  bool offline = false;
  {
    std::lock_guard lock(m_mutex);
    offline = Clock::now() < m_offline_until;
  }
  if (offline) {
    if (cached) return deliver(tile, cached->bytes, &TileStats::from_cache);  // stale beats nothing
    return fail(tile, "offline: no cached tile", false);
  }
  httplib::Headers headers{{"User-Agent", m_source.user_agent}};
  if (cached && !cached->meta.etag.empty()) headers.emplace("If-None-Match", cached->meta.etag);
  if (cached && !cached->meta.last_modified.empty())
    headers.emplace("If-Modified-Since", cached->meta.last_modified);
  const auto result = client.Get(tile_path(m_path_template, tile), headers);
  if (!result) {
    if (cached) deliver(tile, cached->bytes, &TileStats::from_cache);
    return fail(tile, "tile server unreachable: " + httplib::to_string(result.error()), true);
  }
  const CacheHeaders caching{result->get_header_value("Cache-Control"),
                             result->get_header_value("Expires"),
                             result->get_header_value("ETag"),
                             result->get_header_value("Last-Modified")};
  if (result->status == 304 && cached) {
    TileMeta meta = cached->meta;
    meta.expires_at = expiry_time(caching, now);
    if (!caching.etag.empty()) meta.etag = caching.etag;
    m_cache.touch(tile, meta);
    return deliver(tile, cached->bytes, &TileStats::revalidated);
  }
  if (result->status != 200) {
    return fail(tile,
                "tile server answered HTTP " + std::to_string(result->status) + " for " +
                    std::to_string(tile.z) + "/" + std::to_string(tile.x) + "/" +
                    std::to_string(tile.y),
                false);
  }
  m_cache.store(
      tile, result->body, {caching.etag, caching.last_modified, expiry_time(caching, now)});
  deliver(tile, result->body, &TileStats::from_network);
}

void TileFetcher::deliver(const core::algo::TileId& tile,
                          const std::string& bytes,
                          int TileStats::*counter) {
  TileImage image;
  image.id = tile;
  if (!decode_image(bytes, image))
    return fail(tile, "the tile server sent something that is not an image", false);
  std::lock_guard lock(m_mutex);
  m_delivered.insert({tile.z, tile.x, tile.y});
  m_ready.push_back(std::move(image));
  ++(m_stats.*counter);
}

void TileFetcher::fail(const core::algo::TileId& tile,
                       const std::string& problem,
                       bool network_down) {
  std::lock_guard lock(m_mutex);
  m_retry_after[{tile.z, tile.x, tile.y}] = Clock::now() + kTileRetryDelay;
  if (network_down) m_offline_until = Clock::now() + kOfflineBackoff;
  m_stats.problem = problem;
  ++m_stats.failed;
}

}  // namespace console::net
