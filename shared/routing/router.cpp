#include "shared/routing/router.h"

#include <algorithm>
#include <limits>

#include "shared/algo/polyline.h"
#include "shared/routing/network_search.h"

namespace core::routing {
namespace {

double minutes_of(std::uint32_t cost_dm, const WalkOptions& options) {
  return cost_dm / 10.0 / (options.speed_kmh * 1000.0 / 60.0);
}

// Appends `point` unless it repeats the last one (to 1e-7 degrees).
void add_point(std::vector<model::GeoPoint>& points, FixedPoint point) {
  if (points.empty() || !(to_fixed(points.back()) == point)) points.push_back(to_geo(point));
}

// Points of `edge` walked from the node `from_end` ("from" if true) to the snapped position
// `at` (ends excluded), in walking order.
void add_partial(const WalkingGraph& graph,
                 const Snap& at,
                 bool from_end,
                 std::vector<model::GeoPoint>& points) {
  const std::size_t count = graph.edge_point_count(at.edge);
  if (from_end) {
    for (std::size_t k = 1; k <= at.segment; ++k) add_point(points, graph.edge_point(at.edge, k));
  } else {
    for (std::size_t k = count - 2; k > at.segment; --k)
      add_point(points, graph.edge_point(at.edge, k));
  }
}

// Points of the whole edge of `edge_bits`, walked in its arc's direction, its start excluded.
void add_edge(const WalkingGraph& graph,
              std::uint32_t edge_bits,
              std::vector<model::GeoPoint>& points) {
  const std::uint32_t edge = edge_bits & kArcEdgeMask;
  const std::size_t count = graph.edge_point_count(edge);
  for (std::size_t k = 1; k < count; ++k) {
    add_point(points, graph.edge_point(edge, (edge_bits & kArcReversed) != 0 ? count - 1 - k : k));
  }
}

// The arcs walked from the source's edge to `node`, in walking order; `start` gets the mark of
// how the source's edge was left (kStartBackward or kStartForward).
std::vector<std::uint32_t> arcs_to(const WalkingGraph& graph,
                                   const RouterWorkspace& ws,
                                   std::uint32_t node,
                                   std::uint32_t& start) {
  std::vector<std::uint32_t> arcs;
  while (ws.labels[node].parent != kStartBackward && ws.labels[node].parent != kStartForward) {
    const std::uint32_t bits = ws.labels[node].parent;
    arcs.push_back(bits);
    const GraphEdge& e = graph.edges()[bits & kArcEdgeMask];
    node = (bits & kArcReversed) != 0 ? e.to : e.from;
  }
  start = ws.labels[node].parent;
  return {arcs.rbegin(), arcs.rend()};
}

// Points of the source's edge from the snapped position to the end it leaves by, ends excluded.
void add_leaving(const WalkingGraph& graph,
                 const Snap& at,
                 bool backward,
                 std::vector<model::GeoPoint>& points) {
  if (backward) {
    for (std::size_t k = at.segment; k >= 1; --k) add_point(points, graph.edge_point(at.edge, k));
  } else {
    const std::size_t count = graph.edge_point_count(at.edge);
    for (std::size_t k = at.segment + 1; k + 1 < count; ++k)
      add_point(points, graph.edge_point(at.edge, k));
  }
}

// Orders the points from the farthest from their centre inwards. When each search only looks for
// the points after its own (a symmetric graph), the later, central searches then stop early.
void farthest_first(std::vector<const PlacedPoint*>& targets, std::vector<int>& target_point) {
  if (targets.empty()) return;
  double lat = 0.0;
  double lon = 0.0;
  for (const PlacedPoint* t : targets) {
    lat += t->snap.position.lat_e7;
    lon += t->snap.position.lon_e7;
  }
  const FixedPoint centre{static_cast<std::int32_t>(lat / static_cast<double>(targets.size())),
                          static_cast<std::int32_t>(lon / static_cast<double>(targets.size()))};
  const LocalProjection projection(centre);
  const PlanePoint middle = projection.project(centre);
  std::vector<std::pair<double, std::size_t>> order;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    order.emplace_back(-plane_distance(projection.project(targets[i]->snap.position), middle), i);
  }
  std::sort(order.begin(), order.end());
  std::vector<const PlacedPoint*> sorted_targets;
  std::vector<int> sorted_points;
  for (const auto& [distance, i] : order) {
    sorted_targets.push_back(targets[i]);
    sorted_points.push_back(target_point[i]);
  }
  targets = std::move(sorted_targets);
  target_point = std::move(sorted_points);
}

}  // namespace

Router::Router(const WalkingGraph& graph)
    : m_graph(&graph), m_index(graph),
      m_symmetric(std::all_of(graph.edges().begin(), graph.edges().end(), [](const GraphEdge& e) {
        return (e.flags & (kEdgeForward | kEdgeBackward)) == (kEdgeForward | kEdgeBackward);
      })) {}

std::optional<Snap> Router::snap(const model::GeoPoint& point, const WalkOptions& options) const {
  return m_index.nearest(to_fixed(point), options.snap_limit_m, {options.step_free});
}

NetworkMatrix Router::matrix(const std::vector<model::GeoPoint>& points,
                             const WalkOptions& options,
                             RouterWorkspace& workspace) const {
  const int n = static_cast<int>(points.size());
  NetworkMatrix result{
      {planner::CostMatrix(n, algo::kUnreachable), planner::CostMatrix(n, algo::kUnreachable)}, {}};
  std::vector<PlacedPoint> placed(points.size());
  std::vector<const PlacedPoint*> targets;
  std::vector<int> target_point;  // target index -> point index
  for (std::size_t i = 0; i < points.size(); ++i) {
    result.travel.metres(static_cast<int>(i), static_cast<int>(i)) = 0.0;
    result.travel.minutes(static_cast<int>(i), static_cast<int>(i)) = 0.0;
    const auto snapped = snap(points[i], options);
    if (!snapped) {
      const auto nearest = m_index.nearest(to_fixed(points[i]), kSnapReportM, {options.step_free});
      result.unsnapped.push_back(
          {i, nearest ? nearest->distance_m : std::numeric_limits<double>::infinity()});
      continue;
    }
    placed[i] = place_on_edge(*m_graph, *snapped);
    targets.push_back(&placed[i]);
    target_point.push_back(static_cast<int>(i));
  }
  if (m_symmetric) farthest_first(targets, target_point);
  NetworkSearch search(*m_graph, options, workspace);
  search.set_targets(targets);
  for (std::size_t s = 0; s < targets.size(); ++s) {
    const std::size_t first = m_symmetric ? s + 1 : 0;
    if (first == targets.size()) break;
    search.run(*targets[s], first);
    const int from = target_point[s];
    for (std::size_t t = first; t < targets.size(); ++t) {
      const RouterWorkspace::Target& best = workspace.targets[t];
      const int to = target_point[t];
      if (best.cost == kNoCost || from == to) continue;
      const std::uint32_t off = targets[s]->off_dm + targets[t]->off_dm;
      const double metres = (best.metres_dm + off) / 10.0;
      const double minutes = minutes_of(best.cost + off, options);
      result.travel.metres(from, to) = metres;
      result.travel.minutes(from, to) = minutes;
      if (m_symmetric) {
        result.travel.metres(to, from) = metres;
        result.travel.minutes(to, from) = minutes;
      }
    }
  }
  return result;
}

NetworkPath Router::path(const model::GeoPoint& from,
                         const model::GeoPoint& to,
                         const WalkOptions& options,
                         RouterWorkspace& workspace) const {
  NetworkPath path;
  const auto start = snap(from, options);
  const auto end = snap(to, options);
  if (!start || !end) return path;
  const PlacedPoint source = place_on_edge(*m_graph, *start);
  const PlacedPoint target = place_on_edge(*m_graph, *end);
  const std::vector<const PlacedPoint*> targets{&target};
  NetworkSearch search(*m_graph, options, workspace);
  search.set_targets(targets);
  search.run(source);
  const RouterWorkspace::Target best = workspace.targets[0];
  if (best.cost == kNoCost) return path;
  path.found = true;
  const std::uint32_t off = source.off_dm + target.off_dm;
  path.metres = (best.metres_dm + off) / 10.0;
  path.minutes = minutes_of(best.cost + off, options);
  path.points.push_back(from);
  add_point(path.points, start->position);
  if (best.via != kDirect) {
    std::uint32_t start_mark = kStartForward;
    const std::vector<std::uint32_t> arcs = arcs_to(*m_graph, workspace, best.via, start_mark);
    const GraphEdge& first = m_graph->edges()[start->edge];
    const bool backward = start_mark == kStartBackward;
    add_leaving(*m_graph, *start, backward, path.points);
    add_point(path.points, m_graph->nodes()[backward ? first.from : first.to]);
    for (const std::uint32_t bits : arcs) add_edge(*m_graph, bits, path.points);
    add_partial(*m_graph, *end, best.forward, path.points);
  } else if (best.forward) {
    for (std::size_t k = start->segment + 1; k <= end->segment; ++k)
      add_point(path.points, m_graph->edge_point(end->edge, k));
  } else {
    for (std::size_t k = start->segment; k > end->segment; --k)
      add_point(path.points, m_graph->edge_point(end->edge, k));
  }
  add_point(path.points, end->position);
  // The line ends exactly at `to` (the snapped end may be `to` itself, rounded to 1e-7 degrees).
  if (path.points.size() > 1 && to_fixed(path.points.back()) == to_fixed(to))
    path.points.pop_back();
  path.points.push_back(to);
  path.polyline = algo::encode_polyline(path.points);
  return path;
}

}  // namespace core::routing
