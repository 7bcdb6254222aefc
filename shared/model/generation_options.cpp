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

void require_range(double value, double low, double high, const char* field) {
  if (!std::isfinite(value) || value < low || value > high) {
    throw InputError("options." + std::string(field) + " must be between " + format_bound(low) +
                     " and " + format_bound(high));
  }
}

void require_point(const std::optional<GeoPoint>& point, const char* field) {
  if (!point) return;
  if (!std::isfinite(point->lat_deg) || !std::isfinite(point->lon_deg) ||
      std::abs(point->lat_deg) > 90.0 || std::abs(point->lon_deg) > 180.0) {
    throw InputError("options." + std::string(field) +
                     " must have lat in [-90, 90] and lon in [-180, 180]");
  }
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

void validate(const GenerationOptions& options) {
  require_range(options.tours, 1, 12, "tours");
  require_range(options.minutes_per_tour, 30, 720, "minutes_per_tour");
  require_range(options.walking_speed_kmh, 2.0, 7.0, "walking_speed_kmh");
  require_range(options.detour_factor, 1.0, 3.0, "detour_factor");
  require_range(options.max_attractions, 5, 300, "max_attractions");
  require_range(options.max_leg_m, 200.0, 10000.0, "max_leg_m");
  require_range(options.tour_radius_m, 200.0, 20000.0, "tour_radius_m");
  require_point(options.start, "start");
  require_point(options.end, "end");
  if (!is_language_tag(options.language)) {
    throw InputError("options.language must be a language tag such as \"en\" or \"pt-BR\"");
  }
  if (!is_supported_language(options.language)) {
    throw InputError("options.language \"" + options.language + "\" is not supported; supported languages: " +
                         supported_languages_text(),
                     "unsupported_language");
  }
}

}  // namespace core::model
