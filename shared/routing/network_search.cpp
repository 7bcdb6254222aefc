#include "shared/routing/network_search.h"

#include <algorithm>
#include <cmath>

namespace core::routing {
namespace {

std::uint32_t rounded(double value) {
  return static_cast<std::uint32_t>(std::llround(std::max(value, 0.0)));
}

}  // namespace

PlacedPoint place_on_edge(const WalkingGraph& graph, const Snap& snap) {
  const GraphEdge& edge = graph.edges()[snap.edge];
  const double factor = pace_factor(edge_pace(edge.flags));
  PlacedPoint placed;
  placed.snap = snap;
  placed.from_dm = std::min(rounded(snap.offset_m * 10.0), edge.length_dm);
  placed.to_dm = edge.length_dm - placed.from_dm;
  placed.from_cost = rounded(placed.from_dm / factor);
  placed.to_cost = rounded(placed.to_dm / factor);
  placed.off_dm = rounded(snap.distance_m * 10.0);
  placed.forward = (edge.flags & kEdgeForward) != 0;
  placed.backward = (edge.flags & kEdgeBackward) != 0;
  return placed;
}

NetworkSearch::NetworkSearch(const WalkingGraph& graph,
                             const WalkOptions& options,
                             RouterWorkspace& workspace)
    : m_graph(graph), m_ws(workspace), m_ferry_dm_per_s(options.speed_kmh / 3.6 * 10.0),
      m_step_free(options.step_free) {
  const std::size_t nodes = graph.nodes().size();
  if (m_ws.labels.size() < nodes) {
    m_ws.labels.assign(nodes, {});
    m_ws.attach_head.resize(nodes);
    m_ws.attach_seen.assign(nodes, 0);
    m_ws.search_stamp = m_ws.attach_stamp = 0;
  }
}

void NetworkSearch::set_targets(const std::vector<const PlacedPoint*>& targets) {
  m_targets = &targets;
  if (++m_ws.attach_stamp == 0) {  // the stamp wrapped: forget every old mark
    std::fill(m_ws.attach_seen.begin(), m_ws.attach_seen.end(), 0);
    m_ws.attach_stamp = 1;
  }
  m_ws.attachments.clear();
  const auto attach = [&](std::uint32_t node,
                          std::uint32_t target,
                          std::uint32_t cost,
                          std::uint32_t metres,
                          bool forward) {
    const std::uint32_t head =
        m_ws.attach_seen[node] == m_ws.attach_stamp ? m_ws.attach_head[node] : kNoCost;
    m_ws.attach_seen[node] = m_ws.attach_stamp;
    m_ws.attach_head[node] = static_cast<std::uint32_t>(m_ws.attachments.size());
    m_ws.attachments.push_back({target, cost, metres, head, forward});
  };
  for (std::uint32_t t = 0; t < targets.size(); ++t) {
    const PlacedPoint& p = *targets[t];
    const GraphEdge& edge = m_graph.edges()[p.snap.edge];
    if (p.forward)
      attach(edge.from, t, p.from_cost, p.from_dm, true);  // arrive from `from`, walking forward
    if (p.backward)
      attach(edge.to, t, p.to_cost, p.to_dm, false);  // arrive from `to`, walking backward
  }
  m_ws.targets.resize(targets.size());
}

inline void NetworkSearch::reach(std::uint32_t node,
                                 std::uint32_t cost,
                                 std::uint32_t metres_dm,
                                 std::uint32_t parent) {
  RouterWorkspace::Label& label = m_ws.labels[node];
  if (label.seen == m_ws.search_stamp && label.cost <= cost) return;
  label = {m_ws.search_stamp, cost, metres_dm, parent};
  m_ws.heap.push(cost, node);
}

void NetworkSearch::start(const PlacedPoint& source, std::size_t first_target) {
  if (++m_ws.search_stamp == 0) {
    for (RouterWorkspace::Label& label : m_ws.labels) label.seen = 0;
    m_ws.search_stamp = 1;
  }
  m_ws.heap.clear();
  const GraphEdge& edge = m_graph.edges()[source.snap.edge];
  if (source.backward) reach(edge.from, source.from_cost, source.from_dm, kStartBackward);
  if (source.forward) reach(edge.to, source.to_cost, source.to_dm, kStartForward);
  m_first_target = first_target;
  m_unreached = 0;
  m_max_best = 0;
  for (std::uint32_t t = 0; t < m_targets->size(); ++t) {
    const PlacedPoint& target = *(*m_targets)[t];
    RouterWorkspace::Target& best = m_ws.targets[t];
    best = {kNoCost, 0, kDirect, true};
    if (target.snap.edge == source.snap.edge) {
      // Along the shared edge, if its direction allows (forward: offsets grow).
      const bool ahead = target.from_dm >= source.from_dm;
      if (target.from_dm == source.from_dm || (ahead ? source.forward : source.backward)) {
        const std::uint32_t metres =
            ahead ? target.from_dm - source.from_dm : source.from_dm - target.from_dm;
        const std::uint32_t cost =
            ahead ? target.from_cost - std::min(source.from_cost, target.from_cost)
                  : source.from_cost - std::min(source.from_cost, target.from_cost);
        best = {cost, metres, kDirect, ahead};
      }
    }
    if (t < first_target) continue;
    if (best.cost == kNoCost)
      ++m_unreached;
    else
      m_max_best = std::max(m_max_best, best.cost);
  }
}

void NetworkSearch::settle_targets(std::uint32_t node, std::uint32_t cost) {
  if (m_ws.attach_seen[node] != m_ws.attach_stamp) return;
  for (std::uint32_t a = m_ws.attach_head[node]; a != kNoCost; a = m_ws.attachments[a].next) {
    const RouterWorkspace::Attachment& attachment = m_ws.attachments[a];
    RouterWorkspace::Target& best = m_ws.targets[attachment.target];
    const std::uint32_t candidate = cost + attachment.cost;
    if (candidate >= best.cost) continue;
    const bool counted = attachment.target >= m_first_target;
    if (best.cost == kNoCost && counted) --m_unreached;
    best = {
        candidate, m_ws.labels[node].metres_dm + attachment.metres_dm, node, attachment.forward};
    if (counted) m_max_best = std::max(m_max_best, candidate);
  }
}

void NetworkSearch::run(const PlacedPoint& source, std::size_t first_target) {
  start(source, first_target);
  const std::vector<GraphEdge>& edges = m_graph.edges();
  while (!m_ws.heap.empty()) {
    const std::uint32_t key = m_ws.heap.top_key();
    // No node at `key` or beyond can improve a target whose cost is <= key. m_max_best is an
    // upper bound (targets only improve), so it is made exact before stopping on it.
    if (m_unreached == 0 && key >= m_max_best) {
      m_max_best = 0;
      for (std::size_t t = m_first_target; t < m_ws.targets.size(); ++t) {
        m_max_best = std::max(m_max_best, m_ws.targets[t].cost);
      }
      if (key >= m_max_best) return;
    }
    const std::uint32_t node = m_ws.heap.pop();
    if (m_ws.labels[node].cost != key)
      continue;  // a stale entry: the node was reached cheaper since
    settle_targets(node, key);
    const std::uint32_t metres = m_ws.labels[node].metres_dm;
    for (const GraphArc& arc : m_graph.arcs_from(node)) {
      std::uint32_t cost = arc.cost_dm;
      if ((arc.edge_bits & (kArcSteps | kArcFerry)) != 0) {
        if (m_step_free && (arc.edge_bits & kArcSteps) != 0) continue;
        if ((arc.edge_bits & kArcFerry) != 0) {
          cost = rounded(edges[arc.edge_bits & kArcEdgeMask].ferry_s * m_ferry_dm_per_s);
        }
      }
      reach(arc.head, key + cost, metres + arc.length_dm, arc.edge_bits);
    }
  }
}

}  // namespace core::routing
