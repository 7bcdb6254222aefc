#pragma once

#include "shared/algo/web_mercator.h"

namespace console::state {

/// Lowest and highest zoom of the map canvas (OpenStreetMap serves tiles for 0..19).
inline constexpr double kMinZoom = 1.0;
inline constexpr double kMaxZoom = 19.0;

/// Where the map looks: the world point at the canvas centre and a fractional slippy-map zoom
/// (one world unit spans 256 * 2^zoom pixels). Changed by draw/map_transform's pan, zoom_at, fit.
struct MapView {
  core::algo::WorldPoint centre{0.5, 0.5};
  double zoom = 2.0;
  bool fitted = false;  ///< false until the view was fitted to a city (the map fits on first sight)
};

}  // namespace console::state
