#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/offline/embedded_catalogue.h"
#include "shared/model/city.h"

namespace server::offline {

/// Margin around a city's candidate box that its basemap covers: beyond the walking network's
/// 500 m, so a map framed on the tours shows streets to its edges.
inline constexpr double kBasemapMarginM = 1500.0;

/// The box a city's basemap is built for: its viewport plus kBasemapMarginM.
core::model::BoundingBox basemap_bbox(const EmbeddedCity& city);

/// One basemap file compiled into the binary (data/basemap/<city_key>.nbm).
struct EmbeddedBasemapFile {
  std::string city_key;
  std::span<const std::uint8_t> bytes;
};

/// The basemap files compiled in by CMake (generated; see cmake/EmbedCityFiles.cmake).
std::vector<EmbeddedBasemapFile> embedded_basemap_files();

/// The basemap of `city`: the embedded city with its place id, else the first basemap whose
/// city's box holds the city's centre (a city generated from Google Places over an embedded one);
/// null when none covers it.
const EmbeddedBasemapFile* find_basemap(const std::vector<EmbeddedBasemapFile>& files,
                                        const EmbeddedCatalogue& catalogue,
                                        const core::model::City& city);

}  // namespace server::offline
