// collect_segments: OSM ways under the foot profile, cut into segments between vertices.
#include <algorithm>
#include <numeric>

#include "shared/algo/geo.h"
#include "shared/routing/foot_profile.h"
#include "shared/routing/segment_graph.h"
#include "shared/routing/walking_graph.h"

namespace core::routing {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// Indices of `items` (nodes or ways) keeping the first of each id, sorted by id.
template <typename Item>
std::vector<std::uint32_t> first_of_each_id(const std::vector<Item>& items) {
  std::vector<std::uint32_t> order(items.size());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return items[a].id < items[b].id;
  });
  order.erase(
      std::unique(order.begin(),
                  order.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return items[a].id == items[b].id; }),
      order.end());
  return order;
}

// Node lookup by id; the first node of each id wins.
class NodeIndex {
 public:
  explicit NodeIndex(const std::vector<OsmNode>& nodes) : m_order(first_of_each_id(nodes)) {
    m_ids.reserve(m_order.size());
    for (const std::uint32_t i : m_order) m_ids.push_back(nodes[i].id);
  }

  // Index into the node vector, or kNone.
  std::uint32_t find(std::int64_t id) const {
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    if (it == m_ids.end() || *it != id) return kNone;
    return m_order[static_cast<std::size_t>(it - m_ids.begin())];
  }

 private:
  std::vector<std::uint32_t> m_order;
  std::vector<std::int64_t> m_ids;
};

// Indices of the ways to use: the first of each id, in input order.
std::vector<std::uint32_t> unique_ways(const std::vector<OsmWay>& ways) {
  std::vector<std::uint32_t> order = first_of_each_id(ways);
  std::sort(order.begin(), order.end());
  return order;
}

bool in_box(const std::optional<model::BoundingBox>& bbox, const OsmNode& node) {
  return !bbox || algo::contains(*bbox, {node.lat_e7 * kDegreesPerE7, node.lon_e7 * kDegreesPerE7});
}

class Collector {
 public:
  Collector(const OsmData& data, const std::optional<model::BoundingBox>& bbox)
      : m_data(data), m_bbox(bbox), m_index(data.nodes), m_vertex(data.nodes.size(), kNone),
        m_blocks(data.nodes.size(), -1) {}

  void add_way(const OsmWay& way) {
    const WayRule rule = foot_way_rule(way.tags);
    if (!rule.walkable) return;
    ++m_out.walkable_ways;
    std::uint8_t flags = rule.forward ? kEdgeForward : 0;
    if (rule.backward) flags |= kEdgeBackward;
    if (rule.steps) flags |= kEdgeSteps;
    if (rule.ferry) flags |= kEdgeFerry;
    flags = with_pace(flags, rule.pace);
    const std::size_t first = m_out.graph.segments.size();
    bool whole = true;  // every segment of the way kept (needed for a crossable ring)
    std::uint32_t previous = kNone;
    for (const std::int64_t id : way.node_ids) {
      const std::uint32_t node = m_index.find(id);
      if (node == kNone) whole = false;
      if (node != kNone && previous != kNone && node != previous)
        whole = add_segment(previous, node, flags) && whole;
      previous = node;
    }
    if (rule.ferry) share_ferry_time(first, rule);
    const bool closed = way.node_ids.size() >= 4 && way.node_ids.front() == way.node_ids.back();
    if (rule.crossable_area && closed && whole) add_ring(first);
  }

  CollectedSegments take() { return std::move(m_out); }

 private:
  // Appends segment a-b if one end lies in the box; false if it was cut off.
  bool add_segment(std::uint32_t a, std::uint32_t b, std::uint8_t flags) {
    const OsmNode& na = m_data.nodes[a];
    const OsmNode& nb = m_data.nodes[b];
    if (!in_box(m_bbox, na) && !in_box(m_bbox, nb)) return false;
    const double length = algo::haversine_m({na.lat_e7 * kDegreesPerE7, na.lon_e7 * kDegreesPerE7},
                                            {nb.lat_e7 * kDegreesPerE7, nb.lon_e7 * kDegreesPerE7});
    m_out.graph.segments.push_back({vertex(a), vertex(b), flags, length, 0.0});
    return true;
  }

  // The vertex of OSM node `node`; a blocking node gets a fresh copy for every segment end.
  std::uint32_t vertex(std::uint32_t node) {
    if (m_blocks[node] < 0) m_blocks[node] = foot_node_blocks(m_data.nodes[node].tags) ? 1 : 0;
    const OsmNode& n = m_data.nodes[node];
    if (m_blocks[node] == 1) {
      ++m_out.barrier_nodes;
      return new_vertex({n.lat_e7, n.lon_e7});
    }
    if (m_vertex[node] == kNone) m_vertex[node] = new_vertex({n.lat_e7, n.lon_e7});
    return m_vertex[node];
  }

  std::uint32_t new_vertex(FixedPoint point) {
    m_out.graph.vertices.push_back(point);
    return static_cast<std::uint32_t>(m_out.graph.vertices.size() - 1);
  }

  // A ferry's time (its duration, else its length at kFerrySpeedKmh) shared by its segments.
  void share_ferry_time(std::size_t first, const WayRule& rule) {
    std::vector<Segment>& segments = m_out.graph.segments;
    double length = 0.0;
    for (std::size_t i = first; i < segments.size(); ++i) length += segments[i].length_m;
    const double seconds =
        rule.ferry_seconds ? *rule.ferry_seconds : length / (kFerrySpeedKmh / 3.6);
    for (std::size_t i = first; i < segments.size(); ++i) {
      segments[i].ferry_s = length > 0.0 ? seconds * segments[i].length_m / length : seconds;
    }
  }

  void add_ring(std::size_t first) {
    const std::vector<Segment>& segments = m_out.graph.segments;
    AreaRing ring;
    for (std::size_t i = first; i < segments.size(); ++i) {
      // A barrier copy breaks the ring: such an area is walked around only.
      if (i > first && segments[i].a != segments[i - 1].b) return;
      ring.push_back(segments[i].a);
    }
    if (ring.empty() || segments.back().b != ring.front()) return;
    ring.push_back(ring.front());
    m_out.rings.push_back(std::move(ring));
  }

  const OsmData& m_data;
  const std::optional<model::BoundingBox>& m_bbox;
  NodeIndex m_index;
  std::vector<std::uint32_t> m_vertex;
  std::vector<std::int8_t> m_blocks;  // -1 not yet known, 0 passable, 1 blocks
  CollectedSegments m_out;
};

}  // namespace

CollectedSegments collect_segments(const OsmData& data,
                                   const std::optional<model::BoundingBox>& bbox) {
  Collector collector(data, bbox);
  for (const std::uint32_t way : unique_ways(data.ways)) collector.add_way(data.ways[way]);
  return collector.take();
}

}  // namespace core::routing
