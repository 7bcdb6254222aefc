#include "server/offline/basemaps.h"

#include <algorithm>

#include "shared/algo/geo.h"

namespace server::offline {
namespace {

bool holds(const core::model::BoundingBox& box, const core::model::GeoPoint& p) {
  return p.lat_deg >= box.low.lat_deg && p.lat_deg <= box.high.lat_deg &&
         p.lon_deg >= box.low.lon_deg && p.lon_deg <= box.high.lon_deg;
}

}  // namespace

core::model::BoundingBox basemap_bbox(const EmbeddedCity& city) {
  return core::algo::expanded(city.city.viewport, kBasemapMarginM);
}

const EmbeddedBasemapFile* find_basemap(const std::vector<EmbeddedBasemapFile>& files,
                                        const EmbeddedCatalogue& catalogue,
                                        const core::model::City& city) {
  const auto file_of = [&](std::string_view key) -> const EmbeddedBasemapFile* {
    const auto it = std::find_if(files.begin(), files.end(), [&](const EmbeddedBasemapFile& f) {
      return f.city_key == key;
    });
    return it == files.end() ? nullptr : &*it;
  };
  if (const EmbeddedCity* embedded = catalogue.find(city.place_id)) return file_of(embedded->key);
  for (const EmbeddedCity& candidate : catalogue.cities()) {
    if (!holds(candidate.city.viewport, city.centre)) continue;
    if (const EmbeddedBasemapFile* file = file_of(candidate.key)) return file;
  }
  return nullptr;
}

}  // namespace server::offline
