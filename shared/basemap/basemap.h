#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace core::basemap {

/// What a basemap feature is. The order is the drawing order: areas first (parks under water
/// under squares under buildings), then lines from waterways up to the major streets.
enum class FeatureKind : std::uint8_t {
  Park,         ///< parks, gardens, grass, woods, cemeteries (area)
  Water,        ///< rivers' banks, lakes, basins, natural=water multipolygons (area)
  Square,       ///< pedestrian squares and place=square (area)
  Building,     ///< building=* (area)
  Waterway,     ///< river, canal, stream centre lines
  Coastline,    ///< natural=coastline (drawn as a line; the sea is not filled)
  Railway,      ///< rail, light rail, tram, narrow gauge
  Footway,      ///< footways, paths, pedestrian streets, cycleways, tracks
  Steps,        ///< highway=steps
  MinorStreet,  ///< residential, living street, unclassified, service
  Street,       ///< tertiary and secondary
  MajorStreet,  ///< primary, trunk, motorway
};
inline constexpr int kFeatureKindCount = 12;

/// True for kinds whose rings are filled (even-odd); the others are polylines.
constexpr bool is_area(FeatureKind kind) {
  return kind <= FeatureKind::Building;
}
/// "park", "water", ..., "major_street" (documentation and statistics).
const char* kind_name(FeatureKind kind);

/// Feature flags.
inline constexpr std::uint8_t kBridge = 1;  ///< drawn over what it crosses, with a casing
inline constexpr std::uint8_t kTunnel = 2;  ///< drawn faint
inline constexpr std::uint8_t kKnownFlags = kBridge | kTunnel;

/// Coordinates are Web Mercator world units (x east, y south, both in [0, 1)) times 2^kGridBits,
/// rounded: one unit is 0.6 m at the equator, under half a pixel at zoom 18.
inline constexpr int kGridBits = 26;
inline constexpr double kGridScale = static_cast<double>(1 << kGridBits);

/// A quantised world point.
struct GridPoint {
  std::int32_t x = 0;
  std::int32_t y = 0;
  friend bool operator==(const GridPoint&, const GridPoint&) = default;
};

/// An axis-aligned box of grid points (inclusive).
struct GridBox {
  GridPoint low{INT32_MAX, INT32_MAX};
  GridPoint high{INT32_MIN, INT32_MIN};
  /// Grows the box to hold `p`.
  void add(GridPoint p);
  /// True if the boxes share a point.
  bool intersects(const GridBox& other) const;
  friend bool operator==(const GridBox&, const GridBox&) = default;
};

/// One drawable thing at one level of detail: shown while min_zoom <= zoom < max_zoom. A feature
/// that is seen from far away is stored once per level, each copy simplified for its level.
struct Feature {
  FeatureKind kind = FeatureKind::Park;
  std::uint8_t flags = 0;
  std::uint8_t min_zoom = 0;
  std::uint8_t max_zoom = 0;
  std::uint32_t first_ring = 0;  ///< index into Basemap::ring_ends
  std::uint32_t ring_count = 0;
  GridBox box;  ///< of all its points (computed, not stored)
  friend bool operator==(const Feature&, const Feature&) = default;
};

/// A name to write on the map (a main street, a square, a river), shown from min_zoom on.
struct Label {
  FeatureKind kind = FeatureKind::Street;
  std::uint8_t min_zoom = 0;
  GridPoint at;
  std::string text;
  friend bool operator==(const Label&, const Label&) = default;
};

/// What a basemap file says about itself.
struct BasemapMetadata {
  std::string attribution;      ///< "© OpenStreetMap contributors, ODbL 1.0"
  std::string source;           ///< extract names and box
  std::string source_checksum;  ///< "sha256:<hex>[,sha256:<hex>]"
  friend bool operator==(const BasemapMetadata&, const BasemapMetadata&) = default;
};

/// A city's vector basemap: features (sorted by kind, then min_zoom) over flat ring and point
/// arrays, and labels.
struct Basemap {
  BasemapMetadata metadata;
  GridBox bounds;  ///< the box the data was clipped to
  std::vector<Feature> features;
  std::vector<std::uint32_t> ring_ends;  ///< one past each ring's last point in `points`
  std::vector<GridPoint> points;
  std::vector<Label> labels;

  /// The points of ring `ring`.
  std::span<const GridPoint> ring(std::uint32_t ring) const;
  friend bool operator==(const Basemap&, const Basemap&) = default;
};

/// The grid point of a WGS84 position.
GridPoint to_grid(double lat_deg, double lon_deg);

}  // namespace core::basemap
