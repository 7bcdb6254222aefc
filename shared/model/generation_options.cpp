#include "shared/model/generation_options.h"

#include <cmath>
#include <string>

#include "shared/errors.h"
#include "shared/model/languages.h"

namespace core::model {
namespace {

// Prints 12 as "12" and 4.5 as "4.5": the bounds appear in error messages people read.
std::string format_bound(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

std::optional<OptionProblem>
out_of_range(double value, double low, double high, OptionField field) {
  if (std::isfinite(value) && value >= low && value <= high) return std::nullopt;
  return OptionProblem{field,
                       "must be between " + format_bound(low) + " and " + format_bound(high)};
}

std::optional<OptionProblem> bad_point(const std::optional<GeoPoint>& point, OptionField field) {
  if (!point || (std::isfinite(point->lat_deg) && std::isfinite(point->lon_deg) &&
                 std::abs(point->lat_deg) <= 90.0 && std::abs(point->lon_deg) <= 180.0)) {
    return std::nullopt;
  }
  return OptionProblem{field, "must have lat in [-90, 90] and lon in [-180, 180]"};
}

bool is_language_tag(const std::string& tag) {
  // BCP-47 subset: 2-3 letter language, optional -Script/-Region subtags of 2-8 alphanumerics.
  if (tag.size() < 2 || tag.size() > 35) return false;
  std::size_t part_length = 0;
  bool first_part = true;
  for (const char c : tag) {
    if (c == '-') {
      if (part_length == 0 || (first_part && part_length > 3)) return false;
      first_part = false;
      part_length = 0;
      continue;
    }
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && !first_part)) return false;
    if (++part_length > 8) return false;
  }
  return part_length > 0 && !(first_part && part_length > 3);
}

}  // namespace

std::optional<OptionProblem> first_problem(const GenerationOptions& options) {
  const std::optional<OptionProblem> problems[] = {
      out_of_range(options.tours, 1, 12, OptionField::Tours),
      out_of_range(options.minutes_per_tour, 30, 720, OptionField::MinutesPerTour),
      out_of_range(options.walking_speed_kmh, 2.0, 7.0, OptionField::WalkingSpeed),
      out_of_range(options.detour_factor, 1.0, 3.0, OptionField::DetourFactor),
      out_of_range(options.max_attractions, 5, 300, OptionField::MaxAttractions),
      out_of_range(options.max_leg_m, 200.0, 10000.0, OptionField::MaxLeg),
      out_of_range(options.tour_radius_m, 200.0, 20000.0, OptionField::TourRadius),
      bad_point(options.start, OptionField::Start),
      bad_point(options.end, OptionField::End)};
  for (const auto& problem : problems) {
    if (problem) return problem;
  }
  if (!is_language_tag(options.language)) {
    return OptionProblem{OptionField::Language,
                         "must be a language tag such as \"en\" or \"pt-BR\""};
  }
  if (!is_supported_language(options.language)) {
    return OptionProblem{OptionField::Language,
                         "\"" + options.language + "\" is not supported; supported languages: " +
                             supported_languages_text(),
                         "unsupported_language"};
  }
  return std::nullopt;
}

const char* json_member(OptionField field) {
  switch (field) {
  case OptionField::Tours: return "tours";
  case OptionField::MinutesPerTour: return "minutes_per_tour";
  case OptionField::WalkingSpeed: return "walking_speed_kmh";
  case OptionField::DetourFactor: return "detour_factor";
  case OptionField::MaxAttractions: return "max_attractions";
  case OptionField::MaxLeg: return "max_leg_m";
  case OptionField::TourRadius: return "tour_radius_m";
  case OptionField::Start: return "start";
  case OptionField::End: return "end";
  case OptionField::Language: return "language";
  }
  return "";
}

void validate(const GenerationOptions& options) {
  if (const auto problem = first_problem(options)) {
    throw InputError("options." + std::string(json_member(problem->field)) + " " +
                         problem->requirement,
                     problem->code);
  }
}

}  // namespace core::model
