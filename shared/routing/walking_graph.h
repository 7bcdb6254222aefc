#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "shared/routing/fixed_point.h"
#include "shared/routing/foot_profile.h"

namespace core::routing {

/// Bits of GraphEdge::flags. Bits 5-6 hold the edge's Pace (see edge_pace).
enum EdgeFlag : std::uint8_t {
  kEdgeForward = 1U << 0,       ///< walkable from `from` to `to`
  kEdgeBackward = 1U << 1,      ///< walkable from `to` to `from`
  kEdgeSteps = 1U << 2,         ///< highway=steps somewhere on it
  kEdgeFerry = 1U << 3,         ///< a ferry crossing: timed by ferry_s, never snapped to
  kEdgeAreaCrossing = 1U << 4,  ///< a straight line across a pedestrian area (not an OSM way)
};
/// Shift and mask of the Pace inside GraphEdge::flags.
inline constexpr unsigned kEdgePaceShift = 5;
inline constexpr std::uint8_t kEdgePaceMask = 3U << kEdgePaceShift;
/// Every bit a valid GraphEdge::flags may have.
inline constexpr std::uint8_t kEdgeKnownBits = 0x1FU | kEdgePaceMask;

/// The Pace stored in `flags`.
inline Pace edge_pace(std::uint8_t flags) {
  return static_cast<Pace>((flags & kEdgePaceMask) >> kEdgePaceShift);
}
/// `flags` with its Pace set to `pace`.
inline std::uint8_t with_pace(std::uint8_t flags, Pace pace) {
  const unsigned kept = flags & (0xFFU ^ kEdgePaceMask);
  return static_cast<std::uint8_t>(kept | (static_cast<unsigned>(pace) << kEdgePaceShift));
}

/// One walkable street piece between two graph nodes, drawn through its shape points (a chain of
/// OSM nodes contracted into one edge).
struct GraphEdge {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t length_dm = 0;  ///< along the shape, decimetres
  std::uint32_t ferry_s = 0;    ///< crossing time of a ferry edge, seconds; 0 for walked edges
  std::uint8_t flags = 0;       ///< EdgeFlag bits and the Pace

  friend bool operator==(const GraphEdge&, const GraphEdge&) = default;
};

/// Bits of GraphArc::edge_bits above the edge index.
inline constexpr std::uint32_t kArcReversed =
    1U << 31;  ///< the arc walks its edge from `to` to `from`
inline constexpr std::uint32_t kArcSteps = 1U << 30;
inline constexpr std::uint32_t kArcFerry = 1U << 29;
inline constexpr std::uint32_t kArcEdgeMask = kArcFerry - 1;

/// One direction of an edge in the adjacency, laid out for the router's inner loop.
struct GraphArc {
  std::uint32_t head = 0;       ///< node reached
  std::uint32_t cost_dm = 0;    ///< length / pace factor: decimetres as walked on a normal surface
  std::uint32_t length_dm = 0;  ///< real length
  std::uint32_t edge_bits = 0;  ///< edge index | kArcReversed | kArcSteps | kArcFerry
};

/// An immutable walking network: nodes, edges with shapes, and the adjacency (CSR) derived from
/// them. Node and edge order are the builder's (deterministic). Thread-safe to read.
class WalkingGraph {
 public:
  WalkingGraph() = default;
  /// Takes the parts and builds the adjacency. `shape_begin` has edges + 1 offsets into `shape`
  /// (each edge's points between its end nodes, from `from` to `to`). Preconditions (asserted;
  /// decode_graph checks them on untrusted bytes): indices in range, offsets non-decreasing.
  WalkingGraph(std::vector<FixedPoint> nodes,
               std::vector<GraphEdge> edges,
               std::vector<std::uint32_t> shape_begin,
               std::vector<FixedPoint> shape);

  /// Node positions.
  const std::vector<FixedPoint>& nodes() const { return m_nodes; }
  /// Edges, each once (both directions in its flags).
  const std::vector<GraphEdge>& edges() const { return m_edges; }
  /// Offsets of each edge's shape points in shape_points() (edges + 1 values).
  const std::vector<std::uint32_t>& shape_begin() const { return m_shape_begin; }
  /// Every edge's inner shape points, edge after edge.
  const std::vector<FixedPoint>& shape_points() const { return m_shape; }

  /// Points of edge `edge` from its `from` node to its `to` node, ends included (>= 2).
  std::size_t edge_point_count(std::uint32_t edge) const;
  /// Point `index` of edge `edge` (0 is the `from` node). Precondition: index < edge_point_count.
  FixedPoint edge_point(std::uint32_t edge, std::size_t index) const;
  /// Arcs leaving `node`.
  std::span<const GraphArc> arcs_from(std::uint32_t node) const {
    return {m_arcs.data() + m_arc_begin[node], m_arcs.data() + m_arc_begin[node + 1]};
  }

  /// Bytes held in memory by the graph (its vectors' capacities).
  std::size_t memory_bytes() const;

 private:
  void build_adjacency();

  std::vector<FixedPoint> m_nodes;
  std::vector<GraphEdge> m_edges;
  std::vector<std::uint32_t> m_shape_begin;
  std::vector<FixedPoint> m_shape;
  std::vector<std::uint32_t> m_arc_begin;
  std::vector<GraphArc> m_arcs;
};

}  // namespace core::routing
