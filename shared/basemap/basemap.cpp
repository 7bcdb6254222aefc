#include "shared/basemap/basemap.h"

#include <algorithm>
#include <cmath>

#include "shared/algo/web_mercator.h"

namespace core::basemap {

const char* kind_name(FeatureKind kind) {
  static constexpr const char* kNames[kFeatureKindCount] = {"park",
                                                            "water",
                                                            "square",
                                                            "building",
                                                            "waterway",
                                                            "coastline",
                                                            "railway",
                                                            "footway",
                                                            "steps",
                                                            "minor_street",
                                                            "street",
                                                            "major_street"};
  const auto index = static_cast<std::size_t>(kind);
  return index < kFeatureKindCount ? kNames[index] : "unknown";
}

void GridBox::add(GridPoint p) {
  low = {std::min(low.x, p.x), std::min(low.y, p.y)};
  high = {std::max(high.x, p.x), std::max(high.y, p.y)};
}

bool GridBox::intersects(const GridBox& other) const {
  return low.x <= other.high.x && other.low.x <= high.x && low.y <= other.high.y &&
         other.low.y <= high.y;
}

std::span<const GridPoint> Basemap::ring(std::uint32_t ring) const {
  const std::uint32_t begin = ring == 0 ? 0 : ring_ends[ring - 1];
  return {points.data() + begin, ring_ends[ring] - begin};
}

GridPoint to_grid(double lat_deg, double lon_deg) {
  const algo::WorldPoint world = algo::to_world({lat_deg, lon_deg});
  return {static_cast<std::int32_t>(std::lround(world.x * kGridScale)),
          static_cast<std::int32_t>(std::lround(world.y * kGridScale))};
}

}  // namespace core::basemap
