#pragma once

#include <nlohmann/json.hpp>

#include "shared/model/city.h"
#include "shared/model/revision.h"

namespace core::formats {

/// The tours of `revision` as a GeoJSON FeatureCollection (RFC 7946, [lon, lat] order): one
/// LineString per tour (its walking path from the legs' polylines) and one Point per stop.
nlohmann::json tours_geojson(const model::City& city, const model::Revision& revision);

}  // namespace core::formats
