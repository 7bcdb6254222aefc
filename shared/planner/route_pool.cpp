#include "shared/planner/route_pool.h"

#include <algorithm>
#include <functional>

#include "shared/planner/rng.h"

namespace core::planner {
namespace {

bool same_class(const Instance& inst, int r, int q) {
  if (inst.frozen[at(r)] != 0 || inst.frozen[at(q)] != 0) return false;
  if (inst.start[at(r)] != inst.start[at(q)] || inst.end[at(r)] != inst.end[at(q)] ||
      inst.limit[at(r)] != inst.limit[at(q)] ||
      inst.balance_scale[at(r)] != inst.balance_scale[at(q)])
    return false;
  for (const int node : inst.candidates) {
    if (inst.may_visit(node, r) != inst.may_visit(node, q)) return false;
  }
  return true;
}

std::size_t slot_count(int capacity) {
  std::size_t slots = 1;
  while (slots < 2 * at(capacity)) slots *= 2;
  return slots;
}

}  // namespace

double cost_above_empty(const TopState& state, int r) {
  const std::vector<int>& seq = state.seq(r);
  const Instance& inst = state.instance();
  const double direct = inst.d(seq.front(), seq.back());
  return state.route_cost(r) - state.route_cost(r, direct, direct);
}

RoutePool::RoutePool(const Instance& instance, int capacity, int stops_per_route)
    : m_inst(&instance), m_capacity(capacity) {
  for (int r = 0; r < instance.tour_count; ++r) {
    int c = r;
    for (int q = 0; q < r; ++q) {
      if (same_class(instance, r, q)) {
        c = m_class_of_tour[at(q)];
        break;
      }
    }
    m_class_of_tour.push_back(c);
  }
  // A fixed stream, independent of the search seed: hashes only identify node sets.
  Rng keys(0x5eedULL);
  m_node_key.resize(at(instance.size));
  for (std::uint64_t& key : m_node_key) key = keys.next();
  m_score.reserve(at(capacity));
  m_cost.reserve(at(capacity));
  m_class.reserve(at(capacity));
  m_first.reserve(at(capacity));
  m_length.reserve(at(capacity));
  m_hash.reserve(at(capacity));
  m_stops.reserve(at(capacity) * at(stops_per_route));
  m_slots.assign(slot_count(capacity), -1);
  m_scratch.reserve(at(capacity));
}

std::span<const int> RoutePool::stops(int i) const {
  return {m_stops.data() + m_first[at(i)], at(m_length[at(i)])};
}

int RoutePool::find(std::uint64_t hash, int route_class) const {
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const int i = m_slots[s];
    if (i < 0) return -1;
    // A 64-bit collision between two node sets would only merge two feasible tours.
    if (m_hash[at(i)] == hash && m_class[at(i)] == route_class) return i;
  }
}

void RoutePool::rebuild_index() {
  std::fill(m_slots.begin(), m_slots.end(), -1);
  const std::size_t mask = m_slots.size() - 1;
  for (int i = 0; i < size(); ++i) {
    std::size_t s = m_hash[at(i)] & mask;
    while (m_slots[s] >= 0) s = (s + 1) & mask;
    m_slots[s] = i;
  }
}

// Keeps the better-scoring half (ties: earlier entries first), in order, so that a long search
// keeps the tours that can matter in a best combination.
void RoutePool::compact() {
  m_scratch.assign(m_score.begin(), m_score.end());
  const auto half = static_cast<std::ptrdiff_t>(m_scratch.size() / 2);
  std::nth_element(m_scratch.begin(), m_scratch.begin() + half, m_scratch.end(), std::greater<>());
  const double threshold = m_scratch[at(static_cast<int>(half))];
  int above = 0;
  for (const double s : m_score) above += s > threshold ? 1 : 0;
  int ties = static_cast<int>(half) - above;
  int kept = 0;
  int offset = 0;
  for (int i = 0; i < size(); ++i) {
    const bool keep = m_score[at(i)] > threshold || (m_score[at(i)] == threshold && ties-- > 0);
    if (!keep) continue;
    const int first = m_first[at(i)];
    const int length = m_length[at(i)];
    std::copy(m_stops.begin() + first, m_stops.begin() + first + length, m_stops.begin() + offset);
    m_score[at(kept)] = m_score[at(i)];
    m_cost[at(kept)] = m_cost[at(i)];
    m_class[at(kept)] = m_class[at(i)];
    m_hash[at(kept)] = m_hash[at(i)];
    m_first[at(kept)] = offset;
    m_length[at(kept)] = length;
    offset += length;
    ++kept;
  }
  m_score.resize(at(kept));
  m_cost.resize(at(kept));
  m_class.resize(at(kept));
  m_hash.resize(at(kept));
  m_first.resize(at(kept));
  m_length.resize(at(kept));
  m_stops.resize(at(offset));
  rebuild_index();
}

void RoutePool::add(int r, std::span<const int> stops, double score, double cost) {
  const int length = static_cast<int>(stops.size());
  if (length == 0 || at(length) > m_stops.capacity()) return;
  std::uint64_t hash = 0;
  for (const int node : stops) hash ^= m_node_key[at(node)];
  const int route_class = class_of(r);
  const int known = find(hash, route_class);
  if (known >= 0) {
    if (cost < m_cost[at(known)] - kEpsilon) {  // same stops, cheaper order
      std::copy(stops.begin(), stops.end(), m_stops.begin() + m_first[at(known)]);
      m_cost[at(known)] = cost;
    }
    return;
  }
  if (size() == m_capacity || m_stops.size() + at(length) > m_stops.capacity()) compact();
  if (size() == m_capacity || m_stops.size() + at(length) > m_stops.capacity()) return;
  const int i = size();
  m_score.push_back(score);
  m_cost.push_back(cost);
  m_class.push_back(route_class);
  m_hash.push_back(hash);
  m_first.push_back(static_cast<int>(m_stops.size()));
  m_length.push_back(length);
  m_stops.insert(m_stops.end(), stops.begin(), stops.end());
  const std::size_t mask = m_slots.size() - 1;
  std::size_t s = hash & mask;
  while (m_slots[s] >= 0) s = (s + 1) & mask;
  m_slots[s] = i;
}

void RoutePool::add(const TopState& state) {
  for (int r = 0; r < state.route_count(); ++r) {
    if (m_inst->frozen[at(r)] != 0 || state.stop_count(r) == 0) continue;
    const std::vector<int>& seq = state.seq(r);
    double score = 0.0;
    for (int p = 1; p <= state.stop_count(r); ++p) score += m_inst->score[at(seq[at(p)])];
    add(r,
        std::span<const int>(seq.data() + 1, at(state.stop_count(r))),
        score,
        cost_above_empty(state, r));
  }
}

}  // namespace core::planner
