#pragma once

#include <string>
#include <vector>

#include "server/offline/embedded_catalogue.h"
#include "shared/model/geo_point.h"

// Arguments shared by the commands that build data files from OSM extracts (build-network,
// build-basemap).
namespace server::cli {

/// "S,W,N,E" in degrees; throws core::InputError when malformed or empty.
core::model::BoundingBox parse_bbox(const std::string& text);

/// The embedded city `key`; throws core::InputError when there is none.
const offline::EmbeddedCity& embedded_city(const std::string& key);

/// "S,W,N,E" with five decimals.
std::string bbox_string(const core::model::BoundingBox& box);

/// "<file>+<file>; bbox <bbox>": what a data file says it was made from.
std::string source_text(const std::vector<std::string>& paths, const std::string& bbox);

}  // namespace server::cli
