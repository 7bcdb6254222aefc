#include "shared/routing/walking_graph.h"

#include <cassert>
#include <cmath>
#include <utility>

namespace core::routing {

WalkingGraph::WalkingGraph(std::vector<FixedPoint> nodes,
                           std::vector<GraphEdge> edges,
                           std::vector<std::uint32_t> shape_begin,
                           std::vector<FixedPoint> shape)
    : m_nodes(std::move(nodes)), m_edges(std::move(edges)), m_shape_begin(std::move(shape_begin)),
      m_shape(std::move(shape)) {
  assert(m_shape_begin.size() == m_edges.size() + 1);
  assert(m_shape_begin.back() == m_shape.size());
  build_adjacency();
}

std::size_t WalkingGraph::edge_point_count(std::uint32_t edge) const {
  return m_shape_begin[edge + 1] - m_shape_begin[edge] + 2;
}

FixedPoint WalkingGraph::edge_point(std::uint32_t edge, std::size_t index) const {
  const GraphEdge& e = m_edges[edge];
  if (index == 0) return m_nodes[e.from];
  const std::size_t inner = m_shape_begin[edge + 1] - m_shape_begin[edge];
  if (index > inner) return m_nodes[e.to];
  return m_shape[m_shape_begin[edge] + index - 1];
}

void WalkingGraph::build_adjacency() {
  // Counting sort of the arcs by tail: arcs of a node keep edge order, so the adjacency (and
  // every search over it) is as deterministic as the edges.
  m_arc_begin.assign(m_nodes.size() + 1, 0);
  for (const GraphEdge& e : m_edges) {
    assert(e.from < m_nodes.size() && e.to < m_nodes.size());
    if ((e.flags & kEdgeForward) != 0) ++m_arc_begin[e.from + 1];
    if ((e.flags & kEdgeBackward) != 0) ++m_arc_begin[e.to + 1];
  }
  for (std::size_t i = 1; i < m_arc_begin.size(); ++i) m_arc_begin[i] += m_arc_begin[i - 1];
  m_arcs.assign(m_arc_begin.back(), GraphArc{});
  std::vector<std::uint32_t> fill(m_arc_begin.begin(), m_arc_begin.end() - 1);
  for (std::uint32_t index = 0; index < m_edges.size(); ++index) {
    const GraphEdge& e = m_edges[index];
    const double factor = pace_factor(edge_pace(e.flags));
    std::uint32_t bits = index;
    if ((e.flags & kEdgeSteps) != 0) bits |= kArcSteps;
    if ((e.flags & kEdgeFerry) != 0) bits |= kArcFerry;
    const auto cost = static_cast<std::uint32_t>(std::lround(e.length_dm / factor));
    if ((e.flags & kEdgeForward) != 0) m_arcs[fill[e.from]++] = {e.to, cost, e.length_dm, bits};
    if ((e.flags & kEdgeBackward) != 0)
      m_arcs[fill[e.to]++] = {e.from, cost, e.length_dm, bits | kArcReversed};
  }
}

std::size_t WalkingGraph::memory_bytes() const {
  return sizeof(*this) + m_nodes.capacity() * sizeof(FixedPoint) +
         m_edges.capacity() * sizeof(GraphEdge) + m_shape_begin.capacity() * sizeof(std::uint32_t) +
         m_shape.capacity() * sizeof(FixedPoint) + m_arc_begin.capacity() * sizeof(std::uint32_t) +
         m_arcs.capacity() * sizeof(GraphArc);
}

}  // namespace core::routing
