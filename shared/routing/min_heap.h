#pragma once

#include <cstdint>
#include <vector>

namespace core::routing {

/// A 4-ary min-heap of graph nodes keyed by integer cost, with decrease-key through a position
/// table: no allocation once reserved, so the router's searches allocate nothing.
class MinHeap {
 public:
  /// Room for nodes 0..node_count-1 (allocates only when the count grows).
  void reset(std::size_t node_count) {
    if (m_position.size() < node_count) m_position.resize(node_count, kAbsent);
    for (const Item& item : m_items) m_position[item.node] = kAbsent;
    m_items.clear();
    if (m_items.capacity() < node_count) m_items.reserve(node_count);
  }
  bool empty() const { return m_items.empty(); }
  /// The smallest key. Precondition: not empty.
  std::uint32_t top_key() const { return m_items.front().key; }
  /// Inserts `node` or lowers its key (a higher key is ignored).
  void push_or_decrease(std::uint32_t node, std::uint32_t key) {
    std::uint32_t at = m_position[node];
    if (at == kAbsent) {
      at = static_cast<std::uint32_t>(m_items.size());
      m_items.push_back({key, node});
    } else if (key >= m_items[at].key) {
      return;
    } else {
      m_items[at].key = key;
    }
    sift_up(at);
  }
  /// Removes and returns the node with the smallest key. Precondition: not empty.
  std::uint32_t pop() {
    const std::uint32_t node = m_items.front().node;
    m_position[node] = kAbsent;
    const Item last = m_items.back();
    m_items.pop_back();
    if (!m_items.empty()) {
      m_items.front() = last;
      m_position[last.node] = 0;
      sift_down(0);
    }
    return node;
  }

 private:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;
  struct Item {
    std::uint32_t key;
    std::uint32_t node;
  };

  void sift_up(std::uint32_t at) {
    const Item item = m_items[at];
    while (at > 0) {
      const std::uint32_t parent = (at - 1) / 4;
      if (m_items[parent].key <= item.key) break;
      place(at, m_items[parent]);
      at = parent;
    }
    place(at, item);
  }
  void sift_down(std::uint32_t at) {
    const Item item = m_items[at];
    const auto size = static_cast<std::uint32_t>(m_items.size());
    while (true) {
      const std::uint32_t first = 4 * at + 1;
      if (first >= size) break;
      std::uint32_t best = first;
      const std::uint32_t last = first + 4 < size ? first + 4 : size;
      for (std::uint32_t c = first + 1; c < last; ++c) {
        if (m_items[c].key < m_items[best].key) best = c;
      }
      if (m_items[best].key >= item.key) break;
      place(at, m_items[best]);
      at = best;
    }
    place(at, item);
  }
  void place(std::uint32_t at, Item item) {
    m_items[at] = item;
    m_position[item.node] = at;
  }

  std::vector<Item> m_items;
  std::vector<std::uint32_t> m_position;
};

}  // namespace core::routing
