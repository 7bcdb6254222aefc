// add_area_crossings: pedestrian squares are walked across, not only around.
#include <algorithm>
#include <cmath>

#include "shared/algo/geo.h"
#include "shared/routing/local_projection.h"
#include "shared/routing/segment_graph.h"
#include "shared/routing/walking_graph.h"

namespace core::routing {
namespace {

// Past this many junctions on one ring, each links only to its nearest ones: a huge plaza
// would otherwise add thousands of crossings for little gain.
constexpr std::size_t kMaxLinksPerJunction = 12;
// A crossing is added only where it saves at least a fifth of the walk round the ring: entrances
// on the same side gain nothing from a straight line, and each edge slows every search a little.
constexpr double kMinRingSaving = 0.8;

double cross(PlanePoint o, PlanePoint a, PlanePoint b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// True if segments p-q and r-s cross at a point inside both (touching ends do not count).
bool properly_cross(PlanePoint p, PlanePoint q, PlanePoint r, PlanePoint s) {
  const double d1 = cross(p, q, r);
  const double d2 = cross(p, q, s);
  const double d3 = cross(r, s, p);
  const double d4 = cross(r, s, q);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

// Even-odd rule; `ring` is closed (first == last).
bool inside(const std::vector<PlanePoint>& ring, PlanePoint p) {
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 2; i + 1 < ring.size(); j = i++) {
    const PlanePoint a = ring[i];
    const PlanePoint b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

// True if the straight line from ring point i to ring point j stays inside the ring.
bool stays_inside(const std::vector<PlanePoint>& ring, std::size_t i, std::size_t j) {
  const PlanePoint p = ring[i];
  const PlanePoint q = ring[j];
  for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
    if (properly_cross(p, q, ring[k], ring[k + 1])) return false;
  }
  return inside(ring, {(p.x + q.x) / 2, (p.y + q.y) / 2});
}

std::vector<std::uint32_t> degrees(const SegmentGraph& graph) {
  std::vector<std::uint32_t> degree(graph.vertices.size(), 0);
  for (const Segment& s : graph.segments) {
    ++degree[s.a];
    ++degree[s.b];
  }
  return degree;
}

std::size_t
cross_ring(const AreaRing& ring, const std::vector<std::uint32_t>& degree, SegmentGraph& graph) {
  const LocalProjection projection(graph.vertices[ring.front()]);
  std::vector<PlanePoint> plane;
  for (const std::uint32_t v : ring) plane.push_back(projection.project(graph.vertices[v]));
  // Junctions: ring vertices that something besides the ring reaches (the ring gives each 2).
  std::vector<std::size_t> junctions;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    if (degree[ring[i]] > 2) junctions.push_back(i);
  }
  // Distance along the ring from its first point to each point.
  std::vector<double> along(plane.size(), 0.0);
  for (std::size_t i = 1; i < plane.size(); ++i)
    along[i] = along[i - 1] + plane_distance(plane[i - 1], plane[i]);
  const double perimeter = along.back();
  const auto round_the_ring = [&](std::size_t i, std::size_t j) {
    const double one_way = std::abs(along[j] - along[i]);
    return std::min(one_way, perimeter - one_way);
  };
  std::size_t added = 0;
  const auto flags = static_cast<std::uint8_t>(kEdgeForward | kEdgeBackward | kEdgeAreaCrossing);
  for (std::size_t a = 0; a < junctions.size(); ++a) {
    std::vector<std::pair<double, std::size_t>> nearest;
    for (std::size_t b = a + 1; b < junctions.size(); ++b) {
      nearest.emplace_back(plane_distance(plane[junctions[a]], plane[junctions[b]]), junctions[b]);
    }
    std::sort(nearest.begin(), nearest.end());
    if (nearest.size() > kMaxLinksPerJunction) nearest.resize(kMaxLinksPerJunction);
    for (const auto& [metres, j] : nearest) {
      const std::size_t i = junctions[a];
      const bool neighbours = j == i + 1 || (i == 0 && j + 2 == ring.size());
      if (neighbours || ring[i] == ring[j] || metres > kMinRingSaving * round_the_ring(i, j))
        continue;
      if (!stays_inside(plane, i, j)) continue;
      const double length =
          algo::haversine_m(to_geo(graph.vertices[ring[i]]), to_geo(graph.vertices[ring[j]]));
      graph.segments.push_back({ring[i], ring[j], flags, length, 0.0});
      ++added;
    }
  }
  return added;
}

}  // namespace

std::size_t add_area_crossings(const std::vector<AreaRing>& rings, SegmentGraph& graph) {
  const std::vector<std::uint32_t> degree = degrees(graph);
  std::size_t added = 0;
  for (const AreaRing& ring : rings) {
    if (ring.size() >= 4 && ring.front() == ring.back()) added += cross_ring(ring, degree, graph);
  }
  return added;
}

}  // namespace core::routing
