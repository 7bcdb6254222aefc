#pragma once

#include <vector>

#include "shared/model/tour.h"

namespace core::formats {

/// The walking path of a tour: its legs' decoded polylines joined (a leg without a polyline, or
/// with a malformed one, is the straight segment between its waypoints).
std::vector<model::GeoPoint> tour_path(const model::Tour& tour);

}  // namespace core::formats
