#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "shared/model/geo_point.h"

namespace core::model {

/// What the caller asks of one generation. Defaults are DESIGN §6's: 4 tours of 180 min at 4.5 km/h.
struct GenerationOptions {
  int tours = 4;                      ///< K, 1..12
  int minutes_per_tour = 180;         ///< budget per tour (walking + visits), 30..720
  double walking_speed_kmh = 4.5;     ///< 2..7
  double detour_factor = 1.3;         ///< street distance / straight-line distance, 1..3
  std::optional<GeoPoint> start;      ///< where every tour starts; unset: the planner chooses
  std::optional<GeoPoint> end;        ///< where every tour ends; unset: at `start` if set, else free
  std::string language = "en";        ///< BCP-47 tag of a supported language (languages.h)
  int max_attractions = 80;           ///< candidates kept after filtering, most valuable first, 5..300
  double max_leg_m = 2000.0;          ///< longest walk between two stops, metres, 200..10000
  double tour_radius_m = 1500.0;      ///< every stop within this of its tour's central stop, metres, 200..20000
  bool step_free = false;             ///< walk without steps (accessibility), where the network knows them
  std::uint64_t seed = 1;             ///< planner seed: the same seed gives the same tours
  bool force = false;                 ///< regenerate a city that already exists

  friend bool operator==(const GenerationOptions&, const GenerationOptions&) = default;
};

/// Throws core::InputError naming the first field out of range (code "unsupported_language" for
/// a well-formed language tag that is not a supported language).
void validate(const GenerationOptions& options);

}  // namespace core::model
