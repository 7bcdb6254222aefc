#pragma once

#include <optional>

#include "shared/basemap/basemap.h"
#include "shared/routing/osm_input.h"

namespace core::basemap {

/// How an OSM object is drawn: its kind and flags.
struct FeatureClass {
  FeatureKind kind = FeatureKind::Park;
  std::uint8_t flags = 0;
  friend bool operator==(const FeatureClass&, const FeatureClass&) = default;
};

/// The class of an OSM way drawn as a line (streets by highway class, footways, steps,
/// railways, waterways, coastline), or none. Ways tagged area=yes are areas, not lines; ways
/// under construction, abandoned railways, platforms and subways are not drawn.
std::optional<FeatureClass> classify_line(const routing::OsmTags& tags);

/// The class of an OSM area (a closed way or a multipolygon) drawn filled (water and riverbanks,
/// parks and green, pedestrian squares, buildings), or none.
std::optional<FeatureClass> classify_area(const routing::OsmTags& tags);

/// First zoom at which a kind is drawn (the console's level of detail follows it).
std::uint8_t min_zoom_of(FeatureKind kind);

/// First zoom at which a name of `kind` is written; 0 when names of that kind are not written.
std::uint8_t label_zoom_of(FeatureKind kind);

}  // namespace core::basemap
