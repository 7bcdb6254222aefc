#pragma once

#include <string>

#include "shared/model/city.h"
#include "shared/model/revision.h"

namespace core::formats {

/// The tours of `revision` as GPX 1.1: a waypoint per stop and a track per tour following its
/// walking path. Text is XML-escaped.
std::string tours_gpx(const model::City& city, const model::Revision& revision);

}  // namespace core::formats
