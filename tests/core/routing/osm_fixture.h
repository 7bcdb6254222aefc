#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "shared/routing/osm_input.h"

namespace routing_test {

/// Builds small OSM data sets on a local metric grid (x east, y north, metres) around 45 N 9 E,
/// so distances in tests read as metres.
class OsmFixture {
 public:
  static constexpr double kBaseLat = 45.0;
  static constexpr double kBaseLon = 9.0;

  /// Latitude, longitude in degrees of the grid point (x, y) metres.
  static std::pair<double, double> degrees(double x_m, double y_m) {
    constexpr double kMetresPerDegree = 6371008.8 * 3.14159265358979323846 / 180.0;
    return {kBaseLat + y_m / kMetresPerDegree,
            kBaseLon +
                x_m / (kMetresPerDegree * std::cos(kBaseLat * 3.14159265358979323846 / 180.0))};
  }

  /// Adds node `id` at (x, y) metres.
  OsmFixture& node(std::int64_t id, double x_m, double y_m, core::routing::OsmTags tags = {}) {
    const auto [lat, lon] = degrees(x_m, y_m);
    data.nodes.push_back({id,
                          static_cast<std::int32_t>(std::llround(lat * 1e7)),
                          static_cast<std::int32_t>(std::llround(lon * 1e7)),
                          std::move(tags)});
    return *this;
  }

  /// Adds way `id` through `nodes` with `tags`.
  OsmFixture& way(std::int64_t id, std::vector<std::int64_t> nodes, core::routing::OsmTags tags) {
    data.ways.push_back({id, std::move(nodes), std::move(tags)});
    return *this;
  }

  core::routing::OsmData data;
};

/// Tags from key=value pairs.
inline core::routing::OsmTags
tags(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  core::routing::OsmTags out;
  for (const auto& [key, value] : pairs) out.push_back({key, value});
  return out;
}

}  // namespace routing_test
