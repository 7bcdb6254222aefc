#include "shared/routing/edge_index.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "shared/algo/geo.h"

namespace core::routing {
namespace {

FixedPoint centre_of(const std::vector<FixedPoint>& nodes) {
  if (nodes.empty()) return {};
  std::int64_t low = INT32_MAX;
  std::int64_t high = INT32_MIN;
  for (const FixedPoint& n : nodes) {
    low = std::min<std::int64_t>(low, n.lat_e7);
    high = std::max<std::int64_t>(high, n.lat_e7);
  }
  return {static_cast<std::int32_t>((low + high) / 2), 0};
}

// Metres from the edge's `from` node to point `index` of its shape.
double metres_to_point(const WalkingGraph& graph, std::uint32_t edge, std::size_t index) {
  double metres = 0.0;
  for (std::size_t k = 0; k < index; ++k) {
    metres +=
        algo::haversine_m(to_geo(graph.edge_point(edge, k)), to_geo(graph.edge_point(edge, k + 1)));
  }
  return metres;
}

}  // namespace

EdgeIndex::EdgeIndex(const WalkingGraph& graph, double cell_m)
    : m_graph(&graph), m_projection(centre_of(graph.nodes())), m_cell_m(cell_m) {
  double max_x = 0.0;
  double max_y = 0.0;
  bool first = true;
  const auto grow = [&](FixedPoint point) {
    const PlanePoint p = m_projection.project(point);
    m_min_x = first ? p.x : std::min(m_min_x, p.x);
    m_min_y = first ? p.y : std::min(m_min_y, p.y);
    max_x = first ? p.x : std::max(max_x, p.x);
    max_y = first ? p.y : std::max(max_y, p.y);
    first = false;
  };
  for (const FixedPoint& n : graph.nodes()) grow(n);
  for (const FixedPoint& s : graph.shape_points()) grow(s);
  m_columns = static_cast<std::int64_t>((max_x - m_min_x) / m_cell_m) + 1;
  m_rows = static_cast<std::int64_t>((max_y - m_min_y) / m_cell_m) + 1;
  // Two passes over the segments (count, then fill) give a CSR of cell -> segments.
  m_cell_begin.assign(static_cast<std::size_t>(m_columns * m_rows + 1), 0);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<std::uint32_t> fill;
    if (pass == 1) {
      for (std::size_t i = 1; i < m_cell_begin.size(); ++i) m_cell_begin[i] += m_cell_begin[i - 1];
      m_entries.resize(m_cell_begin.back());
      fill.assign(m_cell_begin.begin(), m_cell_begin.end() - 1);
    }
    for (std::uint32_t e = 0; e < graph.edges().size(); ++e) {
      const std::size_t points = graph.edge_point_count(e);
      for (std::uint32_t s = 0; s + 1 < points; ++s) {
        const PlanePoint a = m_projection.project(graph.edge_point(e, s));
        const PlanePoint b = m_projection.project(graph.edge_point(e, s + 1));
        const auto column = [&](double x) {
          return static_cast<std::int64_t>((x - m_min_x) / m_cell_m);
        };
        const auto row = [&](double y) {
          return static_cast<std::int64_t>((y - m_min_y) / m_cell_m);
        };
        for (std::int64_t r = row(std::min(a.y, b.y)); r <= row(std::max(a.y, b.y)); ++r) {
          for (std::int64_t c = column(std::min(a.x, b.x)); c <= column(std::max(a.x, b.x)); ++c) {
            const auto cell = static_cast<std::size_t>(r * m_columns + c);
            if (pass == 0) {
              ++m_cell_begin[cell + 1];
            } else {
              m_entries[fill[cell]++] = {e, s};
            }
          }
        }
      }
    }
  }
}

void EdgeIndex::consider(PlanePoint p,
                         const Entry& entry,
                         SnapFilter filter,
                         std::optional<Snap>& best) const {
  const GraphEdge& edge = m_graph->edges()[entry.edge];
  if ((edge.flags & kEdgeFerry) != 0 || (filter.step_free && (edge.flags & kEdgeSteps) != 0))
    return;
  const FixedPoint fa = m_graph->edge_point(entry.edge, entry.segment);
  const FixedPoint fb = m_graph->edge_point(entry.edge, entry.segment + 1);
  const PlanePoint a = m_projection.project(fa);
  const PlanePoint b = m_projection.project(fb);
  const double t = closest_fraction(a, b, p);
  const PlanePoint on{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
  const double distance = plane_distance(on, p);
  if (best && (distance > best->distance_m ||
               (distance == best->distance_m &&
                std::tie(entry.edge, entry.segment) >= std::tie(best->edge, best->segment)))) {
    return;
  }
  Snap snap;
  snap.edge = entry.edge;
  snap.segment = entry.segment;
  snap.distance_m = distance;
  snap.position = {
      static_cast<std::int32_t>(std::llround(fa.lat_e7 + (fb.lat_e7 - fa.lat_e7) * t)),
      static_cast<std::int32_t>(std::llround(fa.lon_e7 + (fb.lon_e7 - fa.lon_e7) * t))};
  best = snap;
}

std::optional<Snap> EdgeIndex::nearest(FixedPoint point, double limit_m, SnapFilter filter) const {
  if (m_entries.empty()) return std::nullopt;
  const PlanePoint p = m_projection.project(point);
  const auto column = static_cast<std::int64_t>(std::floor((p.x - m_min_x) / m_cell_m));
  const auto row = static_cast<std::int64_t>(std::floor((p.y - m_min_y) / m_cell_m));
  // Chebyshev distance, in cells, from the point's cell to the grid: rings closer are empty.
  const std::int64_t outside =
      std::max({std::int64_t{0}, -column, column - (m_columns - 1), -row, row - (m_rows - 1)});
  const std::int64_t farthest = std::max({column, m_columns - 1 - column, row, m_rows - 1 - row});
  std::optional<Snap> best;
  for (std::int64_t ring = outside; ring <= farthest; ++ring) {
    // Every point of ring r's cells is at least (r - 1) cells away.
    const double nearest_possible = static_cast<double>(ring - 1) * m_cell_m;
    if (nearest_possible > limit_m || (best && nearest_possible > best->distance_m)) break;
    for (std::int64_t r = std::max<std::int64_t>(row - ring, 0);
         r <= std::min(row + ring, m_rows - 1);
         ++r) {
      const bool edge_row = r == row - ring || r == row + ring;
      const std::int64_t step = edge_row ? 1 : 2 * ring;
      for (std::int64_t c = column - ring; c <= column + ring;
           c += std::max<std::int64_t>(step, 1)) {
        if (c < 0 || c >= m_columns) continue;
        const auto cell = static_cast<std::size_t>(r * m_columns + c);
        for (std::uint32_t i = m_cell_begin[cell]; i < m_cell_begin[cell + 1]; ++i) {
          consider(p, m_entries[i], filter, best);
        }
      }
    }
  }
  if (!best || best->distance_m > limit_m) return std::nullopt;
  best->offset_m = metres_to_point(*m_graph, best->edge, best->segment) +
                   algo::haversine_m(to_geo(m_graph->edge_point(best->edge, best->segment)),
                                     to_geo(best->position));
  return best;
}

std::size_t EdgeIndex::memory_bytes() const {
  return sizeof(*this) + m_cell_begin.capacity() * sizeof(std::uint32_t) +
         m_entries.capacity() * sizeof(Entry);
}

}  // namespace core::routing
