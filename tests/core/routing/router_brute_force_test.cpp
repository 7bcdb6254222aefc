// The router against a plain Dijkstra over the uncontracted OSM segments, on random networks.
#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <queue>
#include <random>

#include "shared/routing/foot_profile.h"
#include "shared/routing/graph_builder.h"
#include "shared/routing/local_projection.h"
#include "shared/routing/router.h"
#include "tests/core/routing/osm_fixture.h"

namespace core::routing {
namespace {

using routing_test::OsmFixture;
using routing_test::tags;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Random OSM data: a jittered 7 x 7 grid of nodes joined by row, column and diagonal ways cut
// into random pieces with random highway, surface and access tags, and oneway:foot when
// `oneways` (without, every way is walkable both ways: the router's symmetric case).
OsmData random_city(std::uint32_t seed, bool oneways) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> jitter(-25.0, 25.0);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  OsmFixture osm;
  const auto id = [](int row, int col) { return static_cast<std::int64_t>(row * 7 + col + 1); };
  for (int row = 0; row < 7; ++row) {
    for (int col = 0; col < 7; ++col)
      osm.node(id(row, col), col * 80.0 + jitter(rng), row * 80.0 + jitter(rng));
  }
  std::int64_t way_id = 1000;
  const auto add_line = [&](std::vector<std::int64_t> line) {
    std::size_t start = 0;
    while (start + 1 < line.size()) {
      const std::size_t end =
          std::min(line.size() - 1, start + 1 + static_cast<std::size_t>(unit(rng) * 3));
      OsmTags t;
      const double kind = unit(rng);
      t.push_back({"highway",
                   kind < 0.4    ? "footway"
                   : kind < 0.7  ? "residential"
                   : kind < 0.85 ? "path"
                                 : "steps"});
      const double rule = unit(rng);
      if (rule < 0.12 && oneways)
        t.push_back({"oneway:foot", "yes"});
      else if (rule < 0.2 && oneways)
        t.push_back({"oneway:foot", "-1"});
      else if (rule < 0.26)
        t.push_back({"access", "private"});
      if (unit(rng) < 0.15) t.push_back({"surface", unit(rng) < 0.5 ? "gravel" : "sand"});
      if (unit(rng) < 0.9)
        osm.way(
            way_id++,
            {line.begin() + static_cast<long>(start), line.begin() + static_cast<long>(end) + 1},
            t);
      start = end;
    }
  };
  for (int r = 0; r < 7; ++r) {
    std::vector<std::int64_t> row_line, col_line;
    for (int c = 0; c < 7; ++c) {
      row_line.push_back(id(r, c));
      col_line.push_back(id(c, r));
    }
    add_line(row_line);
    add_line(col_line);
  }
  for (int k = 0; k < 6; ++k) add_line({id(k, k), id(k + 1, k + 1)});
  return osm.data;
}

struct BruteSegment {
  int a;
  int b;
  bool forward;
  bool backward;
  bool steps;
  double factor;  // pace
  double length;
};

// Shortest walking "cost" (metres at a normal pace) between points, the plain way.
class BruteForce {
 public:
  BruteForce(const OsmData& data, bool step_free)
      : m_projection(FixedPoint{data.nodes[0].lat_e7, 0}) {
    std::map<std::int64_t, int> index;
    for (const OsmNode& n : data.nodes) {
      index[n.id] = static_cast<int>(m_points.size());
      m_points.push_back(m_projection.project({n.lat_e7, n.lon_e7}));
    }
    for (const OsmWay& w : data.ways) {
      const WayRule rule = foot_way_rule(w.tags);
      if (!rule.walkable) continue;
      for (std::size_t i = 0; i + 1 < w.node_ids.size(); ++i) {
        const int a = index[w.node_ids[i]];
        const int b = index[w.node_ids[i + 1]];
        m_segments.push_back({a,
                              b,
                              rule.forward,
                              rule.backward,
                              rule.steps,
                              pace_factor(rule.pace),
                              plane_distance(m_points[static_cast<std::size_t>(a)],
                                             m_points[static_cast<std::size_t>(b)])});
      }
    }
    keep_largest_piece();
    if (step_free) std::erase_if(m_segments, [](const BruteSegment& s) { return s.steps; });
  }

  // Nearest segment, fraction along it and distance.
  std::tuple<std::size_t, double, double> snap(PlanePoint p) const {
    std::tuple<std::size_t, double, double> best{0, 0.0, kInfinity};
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
      const PlanePoint a = m_points[static_cast<std::size_t>(m_segments[i].a)];
      const PlanePoint b = m_points[static_cast<std::size_t>(m_segments[i].b)];
      const double t = closest_fraction(a, b, p);
      const double d = plane_distance({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}, p);
      if (d < std::get<2>(best)) best = {i, t, d};
    }
    return best;
  }

  double cost(model::GeoPoint from, model::GeoPoint to) const {
    const auto [sa, ta, da] = snap(m_projection.project(to_fixed(from)));
    const auto [sb, tb, db] = snap(m_projection.project(to_fixed(to)));
    const int n = static_cast<int>(m_points.size());
    const int source = n;
    const int target = n + 1;
    std::vector<std::vector<std::pair<int, double>>> out(static_cast<std::size_t>(n + 2));
    for (const BruteSegment& s : m_segments) {
      if (s.forward) out[static_cast<std::size_t>(s.a)].push_back({s.b, s.length / s.factor});
      if (s.backward) out[static_cast<std::size_t>(s.b)].push_back({s.a, s.length / s.factor});
    }
    const BruteSegment& first = m_segments[sa];
    const BruteSegment& last = m_segments[sb];
    if (first.backward)
      out[static_cast<std::size_t>(source)].push_back({first.a, ta * first.length / first.factor});
    if (first.forward)
      out[static_cast<std::size_t>(source)].push_back(
          {first.b, (1 - ta) * first.length / first.factor});
    if (last.forward)
      out[static_cast<std::size_t>(last.a)].push_back({target, tb * last.length / last.factor});
    if (last.backward)
      out[static_cast<std::size_t>(last.b)].push_back(
          {target, (1 - tb) * last.length / last.factor});
    if (sa == sb && (tb >= ta ? first.forward : first.backward)) {
      out[static_cast<std::size_t>(source)].push_back(
          {target, std::abs(tb - ta) * first.length / first.factor});
    }
    std::vector<double> dist(static_cast<std::size_t>(n + 2), kInfinity);
    std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>, std::greater<>>
        queue;
    dist[static_cast<std::size_t>(source)] = 0.0;
    queue.push({0.0, source});
    while (!queue.empty()) {
      const auto [d, u] = queue.top();
      queue.pop();
      if (d > dist[static_cast<std::size_t>(u)]) continue;
      for (const auto& [v, w] : out[static_cast<std::size_t>(u)]) {
        if (d + w < dist[static_cast<std::size_t>(v)]) {
          dist[static_cast<std::size_t>(v)] = d + w;
          queue.push({d + w, v});
        }
      }
    }
    return dist[static_cast<std::size_t>(target)] + da + db;
  }

 private:
  // The builder keeps the connected piece with the most metres: so does the reference.
  void keep_largest_piece() {
    std::vector<int> parent(m_points.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
    const auto root = [&](int v) {
      while (parent[static_cast<std::size_t>(v)] != v) v = parent[static_cast<std::size_t>(v)];
      return v;
    };
    for (const BruteSegment& s : m_segments)
      parent[static_cast<std::size_t>(root(s.a))] = root(s.b);
    std::map<int, double> metres;
    for (const BruteSegment& s : m_segments) metres[root(s.a)] += s.length;
    int best = -1;
    for (const auto& [r, m] : metres) {
      if (best < 0 || m > metres[best]) best = r;
    }
    std::erase_if(m_segments, [&](const BruteSegment& s) { return root(s.a) != best; });
  }

  LocalProjection m_projection;
  std::vector<PlanePoint> m_points;
  std::vector<BruteSegment> m_segments;
};

TEST(RouterBruteForce, AgreesWithPlainDijkstraOnRandomNetworks) {
  int compared = 0;
  int unreachable = 0;
  for (std::uint32_t seed = 1; seed <= 16; ++seed) {
    const OsmData data = random_city(seed, seed % 2 == 1);
    const WalkingGraph graph = build_walking_graph(data).graph;
    const Router router(graph);
    RouterWorkspace workspace;
    std::mt19937 rng(seed * 7919);
    std::uniform_real_distribution<double> coordinate(-20.0, 500.0);
    std::vector<model::GeoPoint> points;
    for (int i = 0; i < 14; ++i) {
      const auto [lat, lon] = OsmFixture::degrees(coordinate(rng), coordinate(rng));
      points.push_back({lat, lon});
    }
    for (const bool step_free : {false, true}) {
      WalkOptions options;
      options.step_free = step_free;
      const NetworkMatrix matrix = router.matrix(points, options, workspace);
      ASSERT_TRUE(matrix.unsnapped.empty()) << "seed " << seed;
      const BruteForce brute(data, step_free);
      for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = 0; j < points.size(); ++j) {
          if (i == j) continue;
          const double expected = brute.cost(points[i], points[j]);
          const double minutes = matrix.travel.minutes(static_cast<int>(i), static_cast<int>(j));
          if (expected == kInfinity) {
            EXPECT_EQ(minutes, algo::kUnreachable) << "seed " << seed << " " << i << "->" << j;
            ++unreachable;
            continue;
          }
          ++compared;
          EXPECT_NEAR(minutes * 75.0, expected, 1.5)
              << "seed " << seed << " " << i << "->" << j << (step_free ? " step-free" : "");
        }
      }
    }
  }
  EXPECT_GT(compared, 4000);
  EXPECT_GT(unreachable, 0);  // the random oneways do trap some points: the case is exercised
}

}  // namespace
}  // namespace core::routing
