#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace core::routing {

/// A radix heap of (key, node) for Dijkstra's monotone integer keys (Ahuja et al. 1990): a key
/// goes to the bucket of the highest bit where it differs from the last key popped, so a push is
/// O(1) and each entry moves down at most 32 times. Keys pushed must be >= the last key popped.
/// Lazy: a node may sit in it several times; the caller skips stale entries. No allocation once
/// the buckets have grown.
class RadixHeap {
 public:
  /// Empties the heap (keeps the memory).
  void clear() {
    for (std::vector<Entry>& bucket : m_buckets) bucket.clear();
    m_size = 0;
    m_last = 0;
  }
  /// True when no entry is left.
  bool empty() const { return m_size == 0; }
  /// Adds `node` with `key`. Precondition: key >= the last key popped.
  void push(std::uint32_t key, std::uint32_t node) {
    m_buckets[bucket_of(key)].push_back({key, node});
    ++m_size;
  }
  /// The smallest key. Precondition: not empty. Moves entries between buckets (hence not const).
  std::uint32_t top_key() {
    refill();
    return m_buckets[0].back().key;
  }
  /// Removes an entry with the smallest key and returns its node. Precondition: not empty.
  std::uint32_t pop() {
    refill();
    const std::uint32_t node = m_buckets[0].back().node;
    m_buckets[0].pop_back();
    --m_size;
    return node;
  }

 private:
  struct Entry {
    std::uint32_t key;
    std::uint32_t node;
  };

  std::size_t bucket_of(std::uint32_t key) const {
    return key == m_last ? 0 : static_cast<std::size_t>(32 - std::countl_zero(key ^ m_last));
  }
  // Bucket 0 holds keys equal to m_last; when it is empty, the first non-empty bucket's minimum
  // becomes m_last and its entries spread over lower buckets.
  void refill() {
    if (!m_buckets[0].empty()) return;
    std::size_t b = 1;
    while (m_buckets[b].empty()) ++b;
    std::uint32_t lowest = UINT32_MAX;
    for (const Entry& e : m_buckets[b]) lowest = e.key < lowest ? e.key : lowest;
    m_last = lowest;
    for (const Entry& e : m_buckets[b]) m_buckets[bucket_of(e.key)].push_back(e);
    m_buckets[b].clear();
  }

  std::vector<Entry> m_buckets[33];
  std::size_t m_size = 0;
  std::uint32_t m_last = 0;
};

}  // namespace core::routing
