#pragma once

#include <array>
#include <optional>
#include <string>

#include "shared/model/enum_names.h"
#include "shared/model/geo_point.h"

namespace core::model {

/// Where a city and its candidates come from.
enum class PlaceSource { Embedded, Google };

template <>
struct EnumNames<PlaceSource> {
  static constexpr const char* kWhat = "place source";
  static constexpr std::array kNames{EnumName<PlaceSource>{PlaceSource::Embedded, "embedded"},
                                     EnumName<PlaceSource>{PlaceSource::Google, "google"}};
};

/// A city's state as the city list shows it to editors: its first generation is running, it has
/// a draft waiting for an editor, or only what the app sees.
enum class CityStatus { Published, Draft, Generating };

template <>
struct EnumNames<CityStatus> {
  static constexpr const char* kWhat = "city status";
  static constexpr std::array kNames{EnumName<CityStatus>{CityStatus::Published, "published"},
                                     EnumName<CityStatus>{CityStatus::Draft, "draft"},
                                     EnumName<CityStatus>{CityStatus::Generating, "generating"}};
};

/// A city as its place source describes it, plus the store's bookkeeping.
struct City {
  std::string id;        ///< store uuid, stable per place_id
  std::string place_id;  ///< Google place id, or "geonames:<id>" for the offline data set
  std::string name;
  std::string country_code;  ///< ISO 3166-1 alpha-2
  GeoPoint centre;
  BoundingBox viewport;
  PlaceSource source = PlaceSource::Embedded;
  std::string note;  ///< coverage caveats of the source, for people
  std::optional<int> published_revision;
  std::optional<int> draft_revision;
  std::string created_at;  ///< ISO 8601 UTC
  std::string updated_at;

  friend bool operator==(const City&, const City&) = default;
};

}  // namespace core::model
