#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace console::net {

/// Shortest time a tile is kept without asking again when the server gives no freshness
/// (apis.md §6: honour Cache-Control/Expires, or cache at least 7 days).
inline constexpr std::int64_t kDefaultTileLifetimeSeconds = 7 * 24 * 3600;

/// The caching headers of a tile answer.
struct CacheHeaders {
  std::string cache_control;
  std::string expires;
  std::string etag;
  std::string last_modified;
};

/// max-age (or s-maxage) seconds from a Cache-Control value, nullopt when absent; "no-store" and
/// "no-cache" give 0.
std::optional<std::int64_t> max_age_seconds(const std::string& cache_control);

/// Seconds since the epoch of an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"), nullopt if malformed.
std::optional<std::int64_t> parse_http_date(const std::string& text);

/// When a tile fetched at `now` (epoch seconds) goes stale: Cache-Control max-age, else Expires,
/// else now + kDefaultTileLifetimeSeconds. A stale tile is revalidated (If-None-Match /
/// If-Modified-Since) before reuse, and still drawn while offline.
std::int64_t expiry_time(const CacheHeaders& headers, std::int64_t now);

}  // namespace console::net
