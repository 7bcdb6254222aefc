#include "shared/routing/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "shared/routing/segment_graph.h"

namespace core::routing {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// Union-find over vertices, by index (smaller root wins: deterministic).
class Components {
 public:
  explicit Components(std::size_t size) : m_parent(size) {
    std::iota(m_parent.begin(), m_parent.end(), 0U);
  }
  std::uint32_t root(std::uint32_t v) {
    while (m_parent[v] != v) v = m_parent[v] = m_parent[m_parent[v]];
    return v;
  }
  void join(std::uint32_t a, std::uint32_t b) {
    a = root(a);
    b = root(b);
    if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::uint32_t> m_parent;
};

// The root of the component with the most metres of chains (first such root on a tie), and
// the other components counted into `stats`.
std::uint32_t largest_component(const ChainSet& chains, Components& components, BuildStats& stats) {
  std::vector<std::pair<std::uint32_t, double>> metres;  // (root, length), by root
  for (const Chain& c : chains.chains) metres.emplace_back(components.root(c.from), c.length_m);
  std::sort(metres.begin(), metres.end());
  std::vector<std::pair<std::uint32_t, double>> totals;
  for (const auto& [root, length] : metres) {
    if (totals.empty() || totals.back().first != root) totals.emplace_back(root, 0.0);
    totals.back().second += length;
  }
  std::uint32_t best = kNone;
  double best_metres = -1.0;
  for (const auto& [root, length] : totals) {
    if (length > best_metres) {
      best = root;
      best_metres = length;
    }
  }
  for (const auto& [root, length] : totals) {
    if (root == best) continue;
    ++stats.islands_dropped;
    stats.island_metres_dropped += length;
  }
  return best;
}

// Position of (x, y) on a Hilbert curve over a 2^16 x 2^16 grid.
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y) {
  std::uint64_t d = 0;
  for (std::uint32_t s = 1U << 15; s > 0; s >>= 1) {
    const std::uint32_t rx = (x & s) > 0 ? 1 : 0;
    const std::uint32_t ry = (y & s) > 0 ? 1 : 0;
    d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
    if (ry == 0) {
      if (rx == 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      std::swap(x, y);
    }
  }
  return d;
}

// New node numbers (kNone for vertices that are not kept nodes), along the Hilbert curve.
std::vector<std::uint32_t> hilbert_numbering(const std::vector<FixedPoint>& vertices,
                                             const std::vector<std::uint32_t>& kept) {
  std::int64_t min_lat = INT32_MAX, max_lat = INT32_MIN, min_lon = INT32_MAX, max_lon = INT32_MIN;
  for (const std::uint32_t v : kept) {
    min_lat = std::min<std::int64_t>(min_lat, vertices[v].lat_e7);
    max_lat = std::max<std::int64_t>(max_lat, vertices[v].lat_e7);
    min_lon = std::min<std::int64_t>(min_lon, vertices[v].lon_e7);
    max_lon = std::max<std::int64_t>(max_lon, vertices[v].lon_e7);
  }
  const auto scaled = [](std::int64_t value, std::int64_t low, std::int64_t high) {
    return high == low ? 0U : static_cast<std::uint32_t>((value - low) * 65535 / (high - low));
  };
  std::vector<std::tuple<std::uint64_t, std::uint32_t>> keyed;
  for (const std::uint32_t v : kept) {
    keyed.emplace_back(hilbert_index(scaled(vertices[v].lon_e7, min_lon, max_lon),
                                     scaled(vertices[v].lat_e7, min_lat, max_lat)),
                       v);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::uint32_t> number(vertices.size(), kNone);
  for (std::size_t i = 0; i < keyed.size(); ++i)
    number[std::get<1>(keyed[i])] = static_cast<std::uint32_t>(i);
  return number;
}

// One output edge before sorting: the chain, renumbered and oriented from <= to.
struct PendingEdge {
  GraphEdge edge;
  std::uint32_t chain = 0;
  bool reversed = false;
};

WalkingGraph assemble(const SegmentGraph& segments,
                      const ChainSet& chains,
                      std::uint32_t keep_root,
                      Components& components,
                      BuildStats& stats) {
  std::vector<std::uint32_t> kept;
  std::vector<bool> seen(segments.vertices.size(), false);
  for (const Chain& c : chains.chains) {
    if (components.root(c.from) != keep_root) continue;
    for (const std::uint32_t v : {c.from, c.to}) {
      if (!seen[v]) kept.push_back(v);
      seen[v] = true;
    }
  }
  const std::vector<std::uint32_t> number = hilbert_numbering(segments.vertices, kept);
  std::vector<PendingEdge> pending;
  for (std::uint32_t i = 0; i < chains.chains.size(); ++i) {
    const Chain& c = chains.chains[i];
    if (components.root(c.from) != keep_root) {
      ++stats.island_edges_dropped;
      continue;
    }
    PendingEdge p{{number[c.from],
                   number[c.to],
                   static_cast<std::uint32_t>(std::llround(c.length_m * 10.0)),
                   static_cast<std::uint32_t>(std::llround(c.ferry_s)),
                   c.flags},
                  i,
                  false};
    if (p.edge.from > p.edge.to) {
      std::swap(p.edge.from, p.edge.to);
      p.edge.flags = reversed_flags(p.edge.flags);
      p.reversed = true;
    }
    stats.metres += c.length_m;
    pending.push_back(p);
  }
  std::sort(pending.begin(), pending.end(), [](const PendingEdge& a, const PendingEdge& b) {
    return std::tie(a.edge.from, a.edge.to, a.edge.length_dm, a.edge.flags, a.chain) <
           std::tie(b.edge.from, b.edge.to, b.edge.length_dm, b.edge.flags, b.chain);
  });
  std::vector<FixedPoint> nodes(kept.size());
  for (const std::uint32_t v : kept) nodes[number[v]] = segments.vertices[v];
  std::vector<GraphEdge> edges;
  std::vector<std::uint32_t> shape_begin{0};
  std::vector<FixedPoint> shape;
  for (const PendingEdge& p : pending) {
    const Chain& c = chains.chains[p.chain];
    edges.push_back(p.edge);
    for (std::uint32_t k = 0; k < c.inner_end - c.inner_begin; ++k) {
      const std::uint32_t at = p.reversed ? c.inner_end - 1 - k : c.inner_begin + k;
      shape.push_back(segments.vertices[chains.inner[at]]);
    }
    shape_begin.push_back(static_cast<std::uint32_t>(shape.size()));
  }
  stats.nodes = nodes.size();
  stats.edges = edges.size();
  return WalkingGraph(std::move(nodes), std::move(edges), std::move(shape_begin), std::move(shape));
}

}  // namespace

BuildResult build_walking_graph(const OsmData& data, const BuildOptions& options) {
  BuildResult result;
  CollectedSegments collected = collect_segments(data, options.bbox);
  result.stats.walkable_ways = collected.walkable_ways;
  result.stats.barrier_nodes = collected.barrier_nodes;
  result.stats.area_crossings = add_area_crossings(collected.rings, collected.graph);
  result.stats.segments = collected.graph.segments.size();
  const ChainSet chains = contract_chains(collected.graph);
  if (chains.chains.empty()) return result;
  Components components(collected.graph.vertices.size());
  for (const Chain& c : chains.chains) components.join(c.from, c.to);
  const std::uint32_t keep_root = largest_component(chains, components, result.stats);
  result.graph = assemble(collected.graph, chains, keep_root, components, result.stats);
  return result;
}

}  // namespace core::routing
