#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "shared/model/geo_point.h"

namespace core::model {

/// What the caller asks of one generation. Defaults are DESIGN §6's: 4 tours of 180 min at 4.5
/// km/h.
struct GenerationOptions {
  int tours = 4;                   ///< K, 1..12
  int minutes_per_tour = 180;      ///< budget per tour (walking + visits), 30..720
  double walking_speed_kmh = 4.5;  ///< 2..7
  double detour_factor = 1.3;      ///< street distance / straight-line distance, 1..3
  std::optional<GeoPoint> start;   ///< where every tour starts; unset: the planner chooses
  std::optional<GeoPoint> end;     ///< where every tour ends; unset: at `start` if set, else free
  std::string language = "en";     ///< BCP-47 tag of a supported language (languages.h)
  int max_attractions = 80;        ///< candidates kept after filtering, most valuable first, 5..300
  double max_leg_m = 2000.0;       ///< longest walk between two stops, metres, 200..10000
  double tour_radius_m =
      1500.0;  ///< every stop within this of its tour's central stop, metres, 200..20000
  bool step_free = false;  ///< walk without steps (accessibility), where the network knows them
  std::uint64_t seed = 1;  ///< planner seed: the same seed gives the same tours
  bool force = false;      ///< regenerate a city that already exists

  friend bool operator==(const GenerationOptions&, const GenerationOptions&) = default;
};

/// The options with limits, for messages: each caller names them its own way (the API by JSON
/// member, the CLI by flag).
enum class OptionField {
  Tours,
  MinutesPerTour,
  WalkingSpeed,
  DetourFactor,
  MaxAttractions,
  MaxLeg,
  TourRadius,
  Start,
  End,
  Language
};

/// What is wrong with one option: which, what it must be ("must be between 1 and 12"), and the
/// error code ("unsupported_language" for a well-formed tag of a language not supported).
struct OptionProblem {
  OptionField field = OptionField::Tours;
  std::string requirement;
  std::string code = "invalid_request";
};

/// The first option out of range or malformed, or nullopt when all are valid.
std::optional<OptionProblem> first_problem(const GenerationOptions& options);

/// The JSON member of `field` in options ("tours", "minutes_per_tour").
const char* json_member(OptionField field);

/// Throws core::InputError "options.<member> <requirement>" for the first problem.
void validate(const GenerationOptions& options);

}  // namespace core::model
