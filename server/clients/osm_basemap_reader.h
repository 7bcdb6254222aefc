#pragma once

#include <string>
#include <vector>

#include "shared/basemap/basemap_builder.h"

namespace server::clients {

/// Reads what a basemap draws from `.osm.pbf` extracts: every way with tags as a polyline, and
/// every area (closed ways and multipolygon relations, assembled by libosmium's area assembler:
/// riverbanks, natural=water, parks, squares, buildings) with its rings. Nothing is classified
/// here (shared/basemap/osm_classes does that). Earlier files win where extracts overlap (an
/// object id already read is skipped). Throws core::InputError naming the file when one cannot be
/// read.
core::basemap::BasemapSource read_basemap_osm(const std::vector<std::string>& pbf_paths);

}  // namespace server::clients
