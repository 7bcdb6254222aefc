#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/model/attraction.h"
#include "shared/model/city.h"

namespace server::offline {

/// One city of the embedded data set.
struct EmbeddedCity {
  std::string key;          ///< "porto"
  std::string geonames_id;  ///< "2735943"
  long population = 0;
  core::model::City city;  ///< place_id, name, country, centre, viewport, note; no store fields
};

/// One candidate of the embedded data set, as a raw (undecided) attraction.
struct EmbeddedPoi {
  std::string city_key;
  std::string name_en;   ///< English name when tagged, else empty
  std::string tag;       ///< OSM main tag, e.g. "tourism=museum"
  std::string category;  ///< the data set's ground truth; for tests only, never for decisions
  std::string source;    ///< source file of the row
  core::model::Attraction attraction;
};

/// The offline places data set (data/places/places.tsv; format in data/places/README.md).
/// Immutable after construction, so safe to share between threads.
class EmbeddedCatalogue {
 public:
  /// Parses the TSV text. Throws std::runtime_error naming the line on malformed input.
  static EmbeddedCatalogue parse(std::string_view tsv);
  /// The data set compiled into this binary, parsed on first use.
  static const EmbeddedCatalogue& builtin();

  /// The city of `place_id` ("geonames:<id>" or the listed Google id), or nullptr.
  const EmbeddedCity* find(std::string_view place_id) const;
  /// Cities sorted by key.
  const std::vector<EmbeddedCity>& cities() const { return m_cities; }
  /// Every candidate of the city with key `city_key`, in file order.
  std::vector<const EmbeddedPoi*> pois_of(std::string_view city_key) const;
  /// Number of candidates of the city with key `city_key`.
  std::size_t poi_count(std::string_view city_key) const;

 private:
  std::vector<EmbeddedCity> m_cities;
  std::vector<EmbeddedPoi> m_pois;
};

}  // namespace server::offline
