#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "shared/planner/top_state.h"

namespace core::planner {

/// Tie-break cost of tour `r` of `state` above that of the same tour left empty (the ends may
/// differ, so an empty tour can cost travel): additive over the tours of a combination.
double cost_above_empty(const TopState& state, int r);

/// Distinct tours met during a search (one entry per node set and tour class, with the cheapest
/// visiting order seen), kept so that set_packing can assemble the best disjoint combination.
/// All storage is sized once; when it fills up, the lower-scoring half is dropped.
class RoutePool {
 public:
  /// An empty pool holding at most `capacity` tours (and at most `capacity * stops_per_route`
  /// stops in all) for `instance`.
  RoutePool(const Instance& instance, int capacity, int stops_per_route);

  /// Adds every non-empty, non-frozen tour of `state`. Never allocates.
  void add(const TopState& state);
  /// Adds stops `stops` (in visiting order) as a tour of tour `r`, with the given search score and
  /// tie-break cost (cost_above_empty). Never allocates.
  void add(int r, std::span<const int> stops, double score, double cost);

  /// Number of tours held.
  int size() const { return static_cast<int>(m_score.size()); }
  /// Search score of tour `i`.
  double score(int i) const { return m_score[at(i)]; }
  /// Tie-break cost of tour `i`.
  double cost(int i) const { return m_cost[at(i)]; }
  /// Tour class of tour `i` (see class_of).
  int route_class(int i) const { return m_class[at(i)]; }
  /// Stops of tour `i` in visiting order.
  std::span<const int> stops(int i) const;
  /// Interchangeable tours share a class: same ends, budget, balance scale and allowed stops, so
  /// a tour found in one of them is valid, and costs the same, in any other.
  int class_of(int r) const { return m_class_of_tour[at(r)]; }

 private:
  void compact();
  void rebuild_index();
  int find(std::uint64_t hash, int route_class) const;

  const Instance* m_inst;
  int m_capacity;
  std::vector<int> m_class_of_tour;
  std::vector<std::uint64_t> m_node_key;  ///< per node: random key, xor-ed into a set's hash
  std::vector<double> m_score;
  std::vector<double> m_cost;
  std::vector<int> m_class;
  std::vector<int> m_first;  ///< offset of each tour's stops in m_stops
  std::vector<int> m_length;
  std::vector<std::uint64_t> m_hash;
  std::vector<int> m_stops;
  std::vector<int> m_slots;  ///< open-addressing index over m_hash (-1: empty)
  std::vector<double> m_scratch;
};

}  // namespace core::planner
