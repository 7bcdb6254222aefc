#include "shared/basemap/osm_classes.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace core::basemap {
namespace {

using routing::find_tag;
using routing::OsmTags;

bool is_one_of(const std::string* value, std::initializer_list<std::string_view> options) {
  return value != nullptr && std::find(options.begin(), options.end(), *value) != options.end();
}

bool is_yes(const std::string* value) {
  return value != nullptr && *value != "no" && !value->empty();
}

std::uint8_t structure_flags(const OsmTags& tags) {
  std::uint8_t flags = 0;
  if (is_yes(find_tag(tags, "bridge"))) flags |= kBridge;
  if (is_yes(find_tag(tags, "tunnel")) || is_one_of(find_tag(tags, "location"), {"underground"}))
    flags |= kTunnel;
  return flags;
}

std::optional<FeatureKind> highway_kind(const std::string& value) {
  std::string_view base = value;
  if (base.ends_with("_link")) base.remove_suffix(5);
  if (base == "motorway" || base == "trunk" || base == "primary") return FeatureKind::MajorStreet;
  if (base == "secondary" || base == "tertiary") return FeatureKind::Street;
  if (base == "residential" || base == "living_street" || base == "unclassified" ||
      base == "service" || base == "road") {
    return FeatureKind::MinorStreet;
  }
  if (base == "steps") return FeatureKind::Steps;
  if (base == "footway" || base == "path" || base == "pedestrian" || base == "cycleway" ||
      base == "track" || base == "bridleway" || base == "corridor") {
    return FeatureKind::Footway;
  }
  return std::nullopt;
}

}  // namespace

std::optional<FeatureClass> classify_line(const OsmTags& tags) {
  if (is_yes(find_tag(tags, "area"))) return std::nullopt;
  const std::uint8_t flags = structure_flags(tags);
  if (const std::string* highway = find_tag(tags, "highway")) {
    if (const auto kind = highway_kind(*highway)) return FeatureClass{*kind, flags};
    return std::nullopt;
  }
  if (is_one_of(find_tag(tags, "railway"),
                {"rail", "light_rail", "tram", "narrow_gauge", "funicular"})) {
    return FeatureClass{FeatureKind::Railway, flags};
  }
  if (is_one_of(find_tag(tags, "waterway"), {"river", "canal", "stream"}) &&
      (flags & kTunnel) == 0) {
    return FeatureClass{FeatureKind::Waterway, 0};
  }
  if (is_one_of(find_tag(tags, "natural"), {"coastline"}))
    return FeatureClass{FeatureKind::Coastline, 0};
  return std::nullopt;
}

std::optional<FeatureClass> classify_area(const OsmTags& tags) {
  if (is_one_of(find_tag(tags, "area"), {"no"})) return std::nullopt;
  const std::string* natural = find_tag(tags, "natural");
  if (is_one_of(natural, {"water", "bay"}) ||
      is_one_of(find_tag(tags, "waterway"), {"riverbank", "dock", "canal"}) ||
      is_one_of(find_tag(tags, "landuse"), {"reservoir", "basin"}) ||
      is_one_of(find_tag(tags, "water"), {"river"})) {
    return FeatureClass{FeatureKind::Water, 0};
  }
  if (is_yes(find_tag(tags, "building"))) return FeatureClass{FeatureKind::Building, 0};
  // A closed footway is a loop walked round, not a square, unless tagged as an area.
  const bool pedestrian_area = is_one_of(find_tag(tags, "highway"), {"pedestrian", "footway"}) &&
                               is_one_of(find_tag(tags, "area"), {"yes"});
  if (pedestrian_area || is_one_of(find_tag(tags, "place"), {"square"}) ||
      is_one_of(find_tag(tags, "area:highway"), {"pedestrian"})) {
    return FeatureClass{FeatureKind::Square, 0};
  }
  if (is_one_of(find_tag(tags, "leisure"),
                {"park", "garden", "playground", "pitch", "nature_reserve"}) ||
      is_one_of(find_tag(tags, "landuse"),
                {"grass",
                 "forest",
                 "meadow",
                 "recreation_ground",
                 "cemetery",
                 "village_green",
                 "allotments",
                 "vineyard",
                 "orchard"}) ||
      is_one_of(natural, {"wood", "scrub", "grassland", "heath"}) ||
      is_one_of(find_tag(tags, "amenity"), {"grave_yard"})) {
    return FeatureClass{FeatureKind::Park, 0};
  }
  return std::nullopt;
}

std::uint8_t min_zoom_of(FeatureKind kind) {
  // Indexed by FeatureKind: park, water, square, building, waterway, coastline, railway, footway,
  // steps, minor street, street, major street.
  static constexpr std::array<std::uint8_t, kFeatureKindCount> kZoom = {
      11, 0, 14, 15, 11, 0, 12, 15, 16, 14, 12, 0};
  return kZoom[static_cast<std::size_t>(kind)];
}

std::uint8_t label_zoom_of(FeatureKind kind) {
  switch (kind) {
  case FeatureKind::MajorStreet: return 14;
  case FeatureKind::Street: return 15;
  case FeatureKind::Square: return 15;
  case FeatureKind::Waterway: return 12;
  case FeatureKind::Water: return 12;
  case FeatureKind::MinorStreet: return 16;
  case FeatureKind::Footway: return 16;
  default: return 0;
  }
}

}  // namespace core::basemap
