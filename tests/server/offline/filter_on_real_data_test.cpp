// The offline filter against the real OpenStreetMap rows of the embedded data set: the
// is_negative rows (shops, hotels, restaurants with sight-like names) must all be dropped with a
// reason naming their kind; the data set's category column is ground truth the filter never reads.
#include <gtest/gtest.h>

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
  result.decided = core::algo::heuristic_filter(candidates, {city.city.name, city.city.centre, 4, 300});
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
      EXPECT_EQ(decided[i].reason, expected_reason(categories[i])) << city.key << ": " << decided[i].name;
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
  const auto decided = core::algo::heuristic_filter(munich, {city.city.name, city.city.centre, 4, 300});
  int kept = 0;
  for (const auto& a : decided) {
    if ((a.name == "Frauenkirche" || a.name == "Liebfrauendom" || a.name == "Dom zu Unserer Lieben Frau") &&
        a.included) {
      ++kept;
    }
  }
  EXPECT_EQ(kept, 1);
}

}  // namespace
