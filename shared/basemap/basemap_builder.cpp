#include "shared/basemap/basemap_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

#include "shared/basemap/geometry.h"
#include "shared/basemap/osm_classes.h"

namespace core::basemap {
namespace {

using algo::WorldPoint;

constexpr double kTilePx = 256.0;
// About 250 m at mid latitudes (a world unit is 40,075 km at the equator).
constexpr double kMinNamedWaterExtent = 250.0 / 40075016.7 / 0.75;

double pixel_at(int zoom) {
  return 1.0 / (kTilePx * std::pow(2.0, zoom));
}

std::vector<WorldPoint> to_world(const std::vector<model::GeoPoint>& points) {
  std::vector<WorldPoint> out;
  out.reserve(points.size());
  for (const model::GeoPoint& p : points) out.push_back(algo::to_world(p));
  return out;
}

GridPoint to_grid(const WorldPoint& p) {
  return {static_cast<std::int32_t>(std::lround(p.x * kGridScale)),
          static_cast<std::int32_t>(std::lround(p.y * kGridScale))};
}

// Quantised points without consecutive repeats.
std::vector<GridPoint> quantise(const std::vector<WorldPoint>& points) {
  std::vector<GridPoint> out;
  for (const WorldPoint& p : points) {
    const GridPoint g = to_grid(p);
    if (out.empty() || !(out.back() == g)) out.push_back(g);
  }
  return out;
}

WorldBox bounds_of(const std::vector<WorldPoint>& points) {
  WorldBox box{{1e9, 1e9}, {-1e9, -1e9}};
  for (const WorldPoint& p : points) {
    box.low = {std::min(box.low.x, p.x), std::min(box.low.y, p.y)};
    box.high = {std::max(box.high.x, p.x), std::max(box.high.y, p.y)};
  }
  return box;
}

double extent(const std::vector<WorldPoint>& points) {
  const WorldBox box = bounds_of(points);
  return std::max(box.high.x - box.low.x, box.high.y - box.low.y);
}

WorldPoint centre(const std::vector<WorldPoint>& points) {
  const WorldBox box = bounds_of(points);
  return {(box.low.x + box.high.x) / 2, (box.low.y + box.high.y) / 2};
}

// Collects one feature's rings for one level, then appends them to the basemap.
class FeatureWriter {
 public:
  explicit FeatureWriter(BuiltBasemap& out) : m_out(out) {}

  // Adds a ring or polyline simplified to `tolerance`; false when it is under a pixel.
  bool add(const std::vector<WorldPoint>& points, bool area, double tolerance) {
    if (extent(points) < tolerance) return false;
    std::vector<WorldPoint> kept;
    if (area) {
      std::vector<WorldPoint> closed = points;
      closed.push_back(points.front());
      kept = simplify(closed, tolerance);
      kept.pop_back();
    } else {
      kept = simplify(points, tolerance);
    }
    std::vector<GridPoint> grid = quantise(kept);
    if (area && grid.size() > 1 && grid.front() == grid.back()) grid.pop_back();
    if (grid.size() < (area ? 3u : 2u)) return false;
    m_rings.push_back(std::move(grid));
    return true;
  }

  void finish(const FeatureClass& cls, const DetailLevel& level, std::uint8_t min_zoom) {
    if (m_rings.empty()) return;
    Basemap& map = m_out.basemap;
    Feature f{cls.kind,
              cls.flags,
              std::max(level.min_zoom, min_zoom),
              level.max_zoom,
              static_cast<std::uint32_t>(map.ring_ends.size()),
              static_cast<std::uint32_t>(m_rings.size()),
              {}};
    for (const std::vector<GridPoint>& ring : m_rings) {
      for (const GridPoint& p : ring) {
        map.points.push_back(p);
        f.box.add(p);
      }
      map.ring_ends.push_back(static_cast<std::uint32_t>(map.points.size()));
    }
    map.features.push_back(f);
    ++m_out.stats.features[static_cast<std::size_t>(cls.kind)];
    m_rings.clear();
  }

 private:
  BuiltBasemap& m_out;
  std::vector<std::vector<GridPoint>> m_rings;
};

// The longest clipped run of each (kind, name), for labels.
struct LabelCandidate {
  double length = 0.0;
  WorldPoint at;
};
using LabelKey = std::tuple<FeatureKind, std::string>;

void consider_label(std::map<LabelKey, LabelCandidate>& labels,
                    FeatureKind kind,
                    const routing::OsmTags& tags,
                    double length,
                    WorldPoint at) {
  const std::string* name = routing::find_tag(tags, "name");
  if (name == nullptr || name->empty() || label_zoom_of(kind) == 0) return;
  LabelCandidate& best = labels[{kind, *name}];
  if (length > best.length) best = {length, at};
}

void add_lines(const BasemapSource& source,
               const WorldBox& box,
               BuiltBasemap& out,
               std::map<LabelKey, LabelCandidate>& labels) {
  for (const SourceLine& line : source.lines) {
    const auto cls = classify_line(line.tags);
    if (!cls) continue;
    const std::vector<std::vector<WorldPoint>> pieces = clip_line(to_world(line.points), box);
    // Streams are drawn but not named: many run underground or are fountains' outflows.
    const std::string* waterway = routing::find_tag(line.tags, "waterway");
    const bool named = waterway == nullptr || *waterway != "stream";
    for (const auto& piece : pieces) {
      if (named)
        consider_label(labels, cls->kind, line.tags, line_length(piece), point_along(piece, 0.5));
    }
    for (const DetailLevel& level : kDetailLevels) {
      if (level.max_zoom <= min_zoom_of(cls->kind)) continue;
      FeatureWriter writer(out);
      for (const auto& piece : pieces) {
        if (!writer.add(piece, false, pixel_at(level.tolerance_zoom))) ++out.stats.dropped_tiny;
      }
      writer.finish(*cls, level, min_zoom_of(cls->kind));
    }
  }
}

void add_areas(const BasemapSource& source,
               const WorldBox& box,
               BuiltBasemap& out,
               std::map<LabelKey, LabelCandidate>& labels) {
  for (const SourceArea& area : source.areas) {
    const auto cls = classify_area(area.tags);
    if (!cls) continue;
    std::vector<std::vector<WorldPoint>> rings;
    for (const auto& ring : area.rings) {
      std::vector<WorldPoint> clipped = clip_ring(to_world(ring), box);
      if (!clipped.empty()) rings.push_back(std::move(clipped));
    }
    if (rings.empty()) continue;
    // A pond or a fountain is not named on the map; a river, a lake or a square is.
    const double size = extent(rings.front());
    if (cls->kind != FeatureKind::Water || size >= kMinNamedWaterExtent) {
      consider_label(labels, cls->kind, area.tags, size, centre(rings.front()));
    }
    for (const DetailLevel& level : kDetailLevels) {
      if (level.max_zoom <= min_zoom_of(cls->kind)) continue;
      FeatureWriter writer(out);
      for (const auto& ring : rings) {
        if (!writer.add(ring, true, pixel_at(level.tolerance_zoom))) ++out.stats.dropped_tiny;
      }
      writer.finish(*cls, level, min_zoom_of(cls->kind));
    }
  }
}

}  // namespace

BuiltBasemap build_basemap(const BasemapSource& source,
                           const model::BoundingBox& box,
                           BasemapMetadata metadata) {
  const WorldPoint north_west = algo::to_world({box.high.lat_deg, box.low.lon_deg});
  const WorldPoint south_east = algo::to_world({box.low.lat_deg, box.high.lon_deg});
  const WorldBox world_box{north_west, south_east};
  BuiltBasemap out;
  out.basemap.metadata = std::move(metadata);
  out.basemap.bounds.add(to_grid(north_west));
  out.basemap.bounds.add(to_grid(south_east));
  std::map<LabelKey, LabelCandidate> labels;
  add_areas(source, world_box, out, labels);
  add_lines(source, world_box, out, labels);
  // Kinds in drawing order; within a kind, coarse levels first; otherwise file order.
  Basemap& map = out.basemap;
  std::vector<std::size_t> order(map.features.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(map.features[a].kind, map.features[a].min_zoom) <
           std::tie(map.features[b].kind, map.features[b].min_zoom);
  });
  Basemap sorted{map.metadata, map.bounds, {}, {}, {}, {}};
  for (const std::size_t i : order) {
    Feature f = map.features[i];
    f.first_ring = static_cast<std::uint32_t>(sorted.ring_ends.size());
    for (std::uint32_t k = 0; k < f.ring_count; ++k) {
      const std::span<const GridPoint> ring = map.ring(map.features[i].first_ring + k);
      sorted.points.insert(sorted.points.end(), ring.begin(), ring.end());
      sorted.ring_ends.push_back(static_cast<std::uint32_t>(sorted.points.size()));
    }
    sorted.features.push_back(f);
  }
  for (const auto& [key, candidate] : labels) {
    const auto& [kind, text] = key;
    sorted.labels.push_back({kind, label_zoom_of(kind), to_grid(candidate.at), text});
  }
  // Most important first: the console writes a label only where no earlier one is.
  std::stable_sort(sorted.labels.begin(), sorted.labels.end(), [](const Label& a, const Label& b) {
    return a.min_zoom < b.min_zoom;
  });
  out.stats.points = sorted.points.size();
  out.stats.labels = sorted.labels.size();
  out.basemap = std::move(sorted);
  return out;
}

}  // namespace core::basemap
