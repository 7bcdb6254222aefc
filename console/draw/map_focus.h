#pragma once

#include <vector>

#include "shared/model/attraction.h"
#include "shared/model/geo_point.h"
#include "shared/model/tour.h"

namespace console::draw {

/// The points "fit" frames: the stops and walked legs of tour `tour` (its index), or of every tour
/// when `tour` is negative. A city without tours frames its included attractions without the
/// outliers: those farther from their median point than three times the median distance (a
/// single far candidate must not shrink the city to a dot).
std::vector<core::model::GeoPoint>
focus_points(const std::vector<core::model::Attraction>& attractions,
             const std::vector<core::model::Tour>& tours,
             int tour);

}  // namespace console::draw
