#pragma once

#include <vector>

#include "shared/model/tour.h"

namespace core::algo {

/// Gives every tour a distinct title naming its headline sight and the next most interesting stop
/// with another name ("Porto Cathedral & Clerics Tower"). Titles carry no words of their own, so
/// they are in the stops' language. A pair already taken gives way to the next stop; the last
/// resort appends the tour's number. Sets `index` to each tour's position.
void title_tours(std::vector<model::Tour>& tours);

}  // namespace core::algo
