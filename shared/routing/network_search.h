#pragma once

#include <cstdint>
#include <vector>

#include "shared/routing/edge_index.h"
#include "shared/routing/router.h"

namespace core::routing {

/// A point snapped onto an edge, with what it costs to walk from there to either end of the edge
/// (costs in decimetres as walked on a normal surface, see GraphArc::cost_dm).
struct PlacedPoint {
  Snap snap;
  std::uint32_t from_cost = 0;  ///< between the position and the edge's `from` node
  std::uint32_t from_dm = 0;
  std::uint32_t to_cost = 0;  ///< between the position and the edge's `to` node
  std::uint32_t to_dm = 0;
  std::uint32_t off_dm = 0;  ///< between the point and the position, walked off the network
  bool forward = false;      ///< the edge can be walked from -> to
  bool backward = false;     ///< and to -> from
};

/// `snap` with its partial edge costs.
PlacedPoint place_on_edge(const WalkingGraph& graph, const Snap& snap);

/// RouterWorkspace::Target::via of a target reached along its own edge, not through a node.
inline constexpr std::uint32_t kDirect = UINT32_MAX;
/// RouterWorkspace::parent of the source edge's `from` node (walked to backwards) and `to` node
/// (walked to forwards) when reached straight from the source. Never an arc's edge_bits: those
/// have at most one of bits 29 and 30 set.
inline constexpr std::uint32_t kStartBackward = UINT32_MAX;
inline constexpr std::uint32_t kStartForward = UINT32_MAX - 1;
/// Cost of what is not reached.
inline constexpr std::uint32_t kNoCost = UINT32_MAX;

/// One-to-many Dijkstra on a WalkingGraph, in a RouterWorkspace.
class NetworkSearch {
 public:
  NetworkSearch(const WalkingGraph& graph, const WalkOptions& options, RouterWorkspace& workspace);

  /// Sets the targets of the next runs (target i is targets[i]).
  void set_targets(const std::vector<const PlacedPoint*>& targets);
  /// Searches from `source` until every target from index `first_target` on is settled (or nothing
  /// more is reachable); the answers are in workspace.targets (cost kNoCost when unreachable; those
  /// before `first_target` may be unfinished).
  void run(const PlacedPoint& source, std::size_t first_target = 0);

 private:
  void start(const PlacedPoint& source, std::size_t first_target);
  inline void
  reach(std::uint32_t node, std::uint32_t cost, std::uint32_t metres_dm, std::uint32_t parent);
  void settle_targets(std::uint32_t node, std::uint32_t cost);

  const WalkingGraph& m_graph;
  RouterWorkspace& m_ws;
  const std::vector<const PlacedPoint*>* m_targets = nullptr;
  double m_ferry_dm_per_s;
  bool m_step_free;
  std::size_t m_first_target = 0;
  std::size_t m_unreached = 0;
  std::uint32_t m_max_best = 0;
};

}  // namespace core::routing
