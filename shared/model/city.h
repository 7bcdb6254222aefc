#pragma once

#include <optional>
#include <string>

#include "shared/model/geo_point.h"

namespace core::model {

/// A city as its place source describes it, plus the store's bookkeeping.
struct City {
  std::string id;            ///< store uuid, stable per place_id
  std::string place_id;      ///< Google place id, or "geonames:<id>" for the offline data set
  std::string name;
  std::string country_code;  ///< ISO 3166-1 alpha-2
  GeoPoint centre;
  BoundingBox viewport;
  std::string source;        ///< "embedded" or "google"
  std::string note;          ///< coverage caveats of the source, for people
  std::optional<int> published_revision;
  std::optional<int> draft_revision;
  std::string created_at;    ///< ISO 8601 UTC
  std::string updated_at;

  friend bool operator==(const City&, const City&) = default;
};

}  // namespace core::model
