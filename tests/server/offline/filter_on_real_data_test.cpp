// The offline filter against the real OpenStreetMap rows of the embedded data set: the
// is_negative rows (shops, hotels, restaurants with sight-like names) must all be dropped with a
// reason naming their kind; the data set's category column is ground truth the filter never reads.
#include <gtest/gtest.h>

#include <stdexcept>

#include "server/offline/embedded_catalogue.h"
#include "shared/algo/heuristic_filter.h"

namespace {

using server::offline::EmbeddedCatalogue;

// A city's rows decided by the heuristic filter, with the data set's ground-truth categories.
struct DecidedCity {
  std::vector<core::model::Attraction> decided;
  std::vector<std::string> categories;
};

DecidedCity decide(const server::offline::EmbeddedCity& city) {
  std::vector<core::model::Attraction> candidates;
  DecidedCity result;
  for (const auto* poi : EmbeddedCatalogue::builtin().pois_of(city.key)) {
    candidates.push_back(poi->attraction);
    result.categories.push_back(poi->category);
  }
  result.decided =
      core::algo::heuristic_filter(candidates, {city.city.name, city.city.centre, 4, 300});
  return result;
}

std::string expected_reason(const std::string& category) {
  if (category == "negative_shop") return "not a sight: shop";
  if (category == "negative_lodging") return "not a sight: hotel or lodging";
  return "not a sight: restaurant, cafe or bar";
}

TEST(HeuristicFilterOnRealData, DropsEveryNegativeRowWithItsKind) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  int negatives = 0;
  for (const auto& city : catalogue.cities()) {
    const auto [decided, categories] = decide(city);
    for (std::size_t i = 0; i < decided.size(); ++i) {
      if (!categories[i].starts_with("negative_")) continue;
      ++negatives;
      EXPECT_FALSE(decided[i].included) << city.key << ": " << decided[i].name;
      EXPECT_EQ(decided[i].reason, expected_reason(categories[i]))
          << city.key << ": " << decided[i].name;
    }
  }
  EXPECT_GE(negatives, 90) << "the data set carries about 100 real negative rows";
}

TEST(HeuristicFilterOnRealData, KeepsRealSightsAsSights) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  int positives = 0;
  int not_a_sight = 0;
  for (const auto& city : catalogue.cities()) {
    const auto [decided, categories] = decide(city);
    for (std::size_t i = 0; i < decided.size(); ++i) {
      if (categories[i].starts_with("negative_")) continue;
      ++positives;
      if (decided[i].reason.starts_with("not a sight")) {
        ++not_a_sight;
        ADD_FAILURE() << city.key << ": " << decided[i].name << " dropped as " << decided[i].reason;
      }
    }
  }
  EXPECT_GT(positives, 1000);
  EXPECT_EQ(not_a_sight, 0);
}

TEST(HeuristicFilterOnRealData, FindsTheKnownDuplicates) {
  // Munich's Frauenkirche is mapped twice (a building relation and the church way, 9 m apart,
  // different names): exactly one of them may stay.
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  std::vector<core::model::Attraction> munich;
  for (const auto* poi : catalogue.pois_of("munich")) munich.push_back(poi->attraction);
  const auto& city = *catalogue.find("geonames:2867714");
  const auto decided =
      core::algo::heuristic_filter(munich, {city.city.name, city.city.centre, 4, 300});
  int kept = 0;
  for (const auto& a : decided) {
    if ((a.name == "Frauenkirche" || a.name == "Liebfrauendom" ||
         a.name == "Dom zu Unserer Lieben Frau") &&
        a.included) {
      ++kept;
    }
  }
  EXPECT_EQ(kept, 1);
}

// The decision and reason for one real row, by its OpenStreetMap id.
const core::model::Attraction& row(const DecidedCity& city, const std::string& source_id) {
  for (const auto& a : city.decided) {
    if (a.source_id == source_id) return a;
  }
  throw std::runtime_error("no row " + source_id);
}

DecidedCity decide(const std::string& place_id) {
  return decide(*EmbeddedCatalogue::builtin().find(place_id));
}

TEST(HeuristicFilterOnRealData, ReadsTheSecondaryTags) {
  const DecidedCity munich = decide("geonames:2867714");
  // historic=building with office=government, and with building=office: offices.
  EXPECT_EQ(row(munich, "osm:relation/2141839").reason, "office building (office=government)");
  EXPECT_EQ(row(munich, "osm:way/124731776").reason, "office building (building=office)");
  // tourism=gallery with shop=art: an art dealer.
  EXPECT_EQ(row(munich, "osm:node/3147060938").reason, "commercial gallery (shop=art)");
  // amenity=restaurant and tourism=attraction with Wikipedia and 5 translations: the Hofbräuhaus
  // stays.
  EXPECT_TRUE(row(munich, "osm:way/23632546").included) << row(munich, "osm:way/23632546").reason;

  const DecidedCity porto = decide("geonames:2735943");
  // shop=greengrocer and tourism=attraction, a Wikidata item but no sight signal.
  EXPECT_EQ(row(porto, "osm:way/226424916").reason, "shop, no sight signal (shop=greengrocer)");
  // shop=books and tourism=attraction with a heritage listing: the bookshop is a sight.
  EXPECT_TRUE(row(porto, "osm:way/229270821").included) << row(porto, "osm:way/229270821").reason;
  // railway=station and tourism=attraction: the station hall is a sight.
  EXPECT_TRUE(row(porto, "osm:way/331655260").included) << row(porto, "osm:way/331655260").reason;

  const DecidedCity heidelberg = decide("geonames:2907911");
  EXPECT_EQ(row(heidelberg, "osm:way/107958548").reason,
            "private, no public access (access=private)");
  const DecidedCity vaduz = decide("geonames:3042030");
  const auto& castle = row(vaduz, "osm:relation/1252853");
  EXPECT_TRUE(castle.included) << castle.reason;
  EXPECT_NE(castle.reason.find("private: seen from outside"), std::string::npos) << castle.reason;
}

TEST(HeuristicFilterOnRealData, MakesOneStopOfEachSight) {
  const DecidedCity liechtenstein = decide("geonames:3042030");
  // "Gaflei Aussichtsturm" and "Aussichtsturm Gaflei", 0.4 m apart.
  EXPECT_NE(row(liechtenstein, "osm:node/8244646609").included,
            row(liechtenstein, "osm:way/333967531").included);
  const DecidedCity munich = decide("geonames:2867714");
  EXPECT_EQ(row(munich, "osm:node/340004719").reason,
            "part of \"Neues Rathaus\" (inside its outline)");
  const DecidedCity heidelberg = decide("geonames:2907911");
  EXPECT_EQ(row(heidelberg, "osm:way/254154166").reason,
            "part of \"Heidelberg Castle\" (inside its outline)")
      << row(heidelberg, "osm:way/254154166").reason;
  // Alexander I's bust and Alexander II's statue are two memorials; so are the palaces of
  // Christian VII and Christian IX.
  const DecidedCity helsinki = decide("geonames:658225");
  EXPECT_EQ(row(helsinki, "osm:node/5297732692").reason.find("Alexander"), std::string::npos);
  const DecidedCity copenhagen = decide("geonames:2618425");
  EXPECT_TRUE(row(copenhagen, "osm:way/106105298").included)
      << row(copenhagen, "osm:way/106105298").reason;
  EXPECT_TRUE(row(copenhagen, "osm:way/106105466").included)
      << row(copenhagen, "osm:way/106105466").reason;
  // A coordinate string is not a name.
  EXPECT_EQ(row(copenhagen, "osm:way/113545096").reason.rfind("no usable name", 0), 0u);
}

}  // namespace
