#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace server::http {

/// Which revision of a city is published, as this instance last read it from the store, kept for
/// a short time so that the app's reads of a published document cost no database round trip.
/// When an entry expires, the first caller is told to have it refreshed (off the request path:
/// PublishedRefresher) and every caller keeps the old answer meanwhile, at most kRefreshAllowance
/// longer; so no app read waits for the database, and a busy city does not send every reader to
/// it at once. Another instance's publish is seen within the time to live plus one store read;
/// this instance's own publish at once (forget(); only a read that began before the publish and
/// ends after it can still record the old revision, for one time to live). Time is passed in, so
/// the expiry is testable. Thread-safe.
class PublishedPointers {
 public:
  using Clock = std::chrono::steady_clock;

  /// How long past the time to live an entry may still answer while it is being refreshed (if the
  /// refresh fails, everyone reads the store after this).
  static constexpr std::chrono::seconds kRefreshAllowance{5};

  /// What lookup() knows of a city.
  struct Lookup {
    std::optional<int> revision;  ///< the revision to answer with; none: read the store now
    bool refresh = false;         ///< the entry expired and this caller must have it refreshed
  };

  /// `ttl` zero: find() never answers (every read asks the store).
  explicit PublishedPointers(std::chrono::milliseconds ttl, std::size_t capacity = 100000)
      : m_ttl(ttl), m_capacity(capacity) {}

  /// The published revision of `city_id` as last read. Within the time to live: that revision.
  /// After it: the same revision, and `refresh` set for the first caller only, who must have the
  /// store read again and remember() called; from kRefreshAllowance past the time to live (a
  /// refresh that never came), or for an unknown city: no revision.
  Lookup lookup(const std::string& city_id, Clock::time_point now);
  /// Records that `city_id` had `revision` published when read at `now`.
  void remember(const std::string& city_id, int revision, Clock::time_point now);
  /// Drops what is known of `city_id` (it was just published here).
  void forget(const std::string& city_id);

 private:
  struct Entry {
    int revision = 0;
    Clock::time_point read_at;
    bool refreshing = false;  ///< a caller was told to refresh it after expiry
  };
  std::chrono::milliseconds m_ttl;
  std::size_t m_capacity;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace server::http
