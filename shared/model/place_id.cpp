#include "shared/model/place_id.h"

#include <algorithm>

#include "shared/errors.h"

namespace core::model {

void validate_place_id(const std::string& place_id) {
  static const std::string kGeonames = "geonames:";
  if (place_id.starts_with(kGeonames)) {
    const std::string digits = place_id.substr(kGeonames.size());
    if (!digits.empty() && digits.size() <= 12 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return;
    }
    throw InputError("place_id \"" + place_id + "\" is malformed: expected geonames:<digits>",
                     "invalid_place_id");
  }
  const bool charset_ok = std::all_of(place_id.begin(), place_id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  if (place_id.size() < 10 || place_id.size() > 1024 || !charset_ok) {
    throw InputError(
        "place_id must be a Google place id (like ChIJD7fiBh9u5kcRYJSMaMOCCwQ) or geonames:<id>",
        "invalid_place_id");
  }
}

}  // namespace core::model
