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
/// When an entry expires, one caller reads the store again while the others keep the old answer
/// (at most kRefreshAllowance longer), so that a busy city does not send every reader to the
/// database at once. Another instance's publish is seen within the time to live plus one store
/// read; this instance's own publish at once (forget(); only a read that began before the publish
/// and ends after it can still record the old revision, for one time to live). Time is passed in,
/// so the expiry is testable. Thread-safe.
class PublishedPointers {
 public:
  using Clock = std::chrono::steady_clock;

  /// How long past the time to live an entry may still answer while another caller refreshes it
  /// (if that caller fails, everyone reads the store after this).
  static constexpr std::chrono::seconds kRefreshAllowance{5};

  /// `ttl` zero: find() never answers (every read asks the store).
  explicit PublishedPointers(std::chrono::milliseconds ttl, std::size_t capacity = 100000)
      : m_ttl(ttl), m_capacity(capacity) {}

  /// The published revision of `city_id` read less than the time to live before `now`, if any.
  /// Null for the first caller after expiry, who must read the store and remember(); the callers
  /// after it get the old revision until then (or until kRefreshAllowance has passed).
  std::optional<int> find(const std::string& city_id, Clock::time_point now);
  /// Records that `city_id` had `revision` published when read at `now`.
  void remember(const std::string& city_id, int revision, Clock::time_point now);
  /// Drops what is known of `city_id` (it was just published here).
  void forget(const std::string& city_id);

 private:
  struct Entry {
    int revision = 0;
    Clock::time_point read_at;
    bool refreshing = false;  ///< a caller was sent to the store after expiry
  };
  std::chrono::milliseconds m_ttl;
  std::size_t m_capacity;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace server::http
