#pragma once

#include <string>
#include <vector>

#include "shared/model/geo_point.h"

namespace core::algo {

/// Google's encoded polyline (precision 5) of `points` (apis.md §3.3).
std::string encode_polyline(const std::vector<model::GeoPoint>& points);

/// Inverse of encode_polyline. Throws core::InputError on a truncated or malformed string.
std::vector<model::GeoPoint> decode_polyline(const std::string& encoded);

}  // namespace core::algo
