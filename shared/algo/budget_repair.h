#pragma once

#include <string>
#include <vector>

#include "shared/model/tour.h"

namespace core::algo {

/// Joins legs `first` and `second` (consecutive, sharing a waypoint) into one: distances and
/// minutes added, paths concatenated. The walk still passes the dropped waypoint: a real path.
model::TourLeg join_legs(const model::TourLeg& first, const model::TourLeg& second);

/// Drops stops from `tour` until its total (walking legs + visits) fits its budget, each time the
/// one whose loss costs least value (stop_value()) per minute it saves: an end stop saves its visit
/// and its leg, another stop its visit (its two legs join, see join_legs()). Locked stops stay.
/// Totals are recomputed. Returns the names of the stops dropped, in order. Precondition: the
/// tour's legs match its waypoints (start, stops, end).
std::vector<std::string> drop_until_within_budget(model::Tour& tour);

}  // namespace core::algo
