#include <gtest/gtest.h>

#include <algorithm>

#include "shared/algo/heuristic_filter.h"

namespace {

using core::model::Attraction;

Attraction make(const std::string& source_id,
                const std::string& name,
                std::vector<std::string> types,
                double lat = 41.1450,
                double lon = -8.6100) {
  Attraction a;
  a.source_id = source_id;
  a.id = core::model::attraction_id(source_id);
  a.name = name;
  a.types = std::move(types);
  a.location = {lat, lon};
  return a;
}

const core::algo::FilterContext kPorto{"Porto", {41.14961, -8.61099}, 4, 80};

const Attraction& find(const std::vector<Attraction>& all, const std::string& name) {
  return *std::find_if(all.begin(), all.end(), [&](const Attraction& a) { return a.name == name; });
}

TEST(Classify, CommercialPrimaryTypeWinsOverSightLikeSecondaryTypes) {
  // A museum shop is a shop even if Google also tags it as a museum.
  EXPECT_EQ(core::algo::classify(make("1", "Museum shop", {"gift_shop", "museum"})),
            core::algo::PlaceKind::Shop);
  EXPECT_EQ(core::algo::classify(make("2", "Museu", {"museum", "cafe"})),
            core::algo::PlaceKind::Museum);
  EXPECT_EQ(core::algo::classify(make("3", "Hotel Palace", {"hotel", "lodging"})),
            core::algo::PlaceKind::Lodging);
  EXPECT_EQ(core::algo::classify(make("4", "Bar Torre", {"bar"})),
            core::algo::PlaceKind::FoodDrink);
  EXPECT_EQ(core::algo::classify(make("5", "Loja", {"clothing_store", "store"})),
            core::algo::PlaceKind::Shop);
  EXPECT_EQ(core::algo::classify(make("6", "Church", {"tourist_attraction", "church"})),
            core::algo::PlaceKind::Religious);
  EXPECT_EQ(core::algo::classify(make("7", "Porto", {"locality", "political"})),
            core::algo::PlaceKind::Area);
  EXPECT_EQ(core::algo::classify(make("8", "Thing", {"point_of_interest"})),
            core::algo::PlaceKind::Other);
  EXPECT_EQ(
      core::algo::classify(make("9", "Plaque", {"memorial", "historical_landmark", "plaque"})),
      core::algo::PlaceKind::Plaque);
}

TEST(HeuristicFilter, DropsShopsLodgingFoodAndTheCityWithReasons) {
  const auto decided = core::algo::heuristic_filter(
      {make("1", "Livraria Torre", {"book_store", "store"}),
       make("2", "Hotel Ribeira", {"hotel", "lodging"}),
       make("3", "Brick Clérigos", {"restaurant", "food"}),
       make("4", "Porto", {"locality", "political"}),
       make("5", "Sé do Porto", {"church", "place_of_worship"}, 41.1428, -8.6113)},
      kPorto);
  EXPECT_EQ(find(decided, "Livraria Torre").reason, "not a sight: shop");
  EXPECT_EQ(find(decided, "Hotel Ribeira").reason, "not a sight: hotel or lodging");
  EXPECT_EQ(find(decided, "Brick Clérigos").reason, "not a sight: restaurant, cafe or bar");
  EXPECT_EQ(find(decided, "Porto").reason, "the city itself, not a stop");
  EXPECT_TRUE(find(decided, "Sé do Porto").included);
  for (const Attraction& a : decided) {
    EXPECT_EQ(a.decided_by, core::model::Decider::Heuristic);
    if (!a.included) {
      EXPECT_EQ(a.interest_score, 0.0) << a.name;
    }
  }
}

TEST(HeuristicFilter, DropsTheWeakerOfNearDuplicatesNamingTheKeeper) {
  Attraction strong = make("osm:way/1", "Torre dos Clérigos", {"tower"}, 41.14565, -8.61464);
  strong.wikidata = "Q1";
  Attraction twin =
      make("osm:node/2", "Torre dos Clerigos", {"tourist_attraction"}, 41.14570, -8.61470);
  Attraction same_building = make("osm:node/3", "Liebfrauendom", {"church"}, 48.13859, 11.57360);
  Attraction frauenkirche = make("osm:way/4", "Frauenkirche", {"church"}, 48.13859, 11.57349);
  frauenkirche.wikidata = "Q167193";
  Attraction far_same_name =
      make("osm:node/5", "Torre dos Clérigos", {"tower"}, 41.16, -8.63);  // 2 km away
  const auto decided = core::algo::heuristic_filter(
      {twin, strong, same_building, frauenkirche, far_same_name}, kPorto);
  EXPECT_TRUE(decided[1].included);
  EXPECT_FALSE(decided[0].included);
  EXPECT_EQ(decided[0].reason.rfind("duplicate of \"Torre dos Clérigos\"", 0), 0u)
      << decided[0].reason;
  EXPECT_TRUE(decided[3].included);
  EXPECT_FALSE(decided[2].included);
  EXPECT_EQ(decided[2].reason.rfind("duplicate of \"Frauenkirche\"", 0), 0u) << decided[2].reason;
  EXPECT_TRUE(decided[4].included) << "same name 2 km away is another place";
}

TEST(HeuristicFilter, DropsPlaquesOnlyWhenTheOtherSightsMakeEveryTour) {
  // kPorto asks for 4 tours: 12 other sights make 4 tours of the smallest size (3 stops).
  auto with_sights = [](int sights) {
    std::vector<Attraction> candidates{make("p", "Blue plaque", {"memorial", "plaque"})};
    for (int i = 0; i < sights; ++i) {
      candidates.push_back(make("s" + std::to_string(i),
                                "Sight " + std::to_string(i),
                                {"monument"},
                                41.10 + i * 0.002,
                                -8.6));
    }
    return core::algo::heuristic_filter(candidates, kPorto);
  };
  EXPECT_TRUE(with_sights(1)[0].included);
  EXPECT_TRUE(with_sights(11)[0].included)
      << "too few other sights for 4 tours: the plaque helps fill them";
  const auto decided = with_sights(12);
  EXPECT_FALSE(decided[0].included);
  EXPECT_EQ(decided[0].reason, "minor memorial: plaque (enough other stops)");
}

TEST(HeuristicFilter, ScoresFromRealSignalsAndKeepsTheBest) {
  Attraction famous = make("f", "Famous museum", {"museum"}, 41.15, -8.61);
  famous.wikidata = "Q1";
  famous.wikipedia = "en:Famous";
  famous.name_variants = 6;
  Attraction plain = make("p", "Small museum", {"museum"}, 41.16, -8.61);
  Attraction statue = make("s", "Statue", {"memorial"}, 41.17, -8.61);
  const auto decided =
      core::algo::heuristic_filter({plain, famous, statue}, {"Porto", {41.1, -8.6}, 1, 2});
  EXPECT_GT(decided[1].interest_score, decided[0].interest_score);
  EXPECT_GT(decided[0].interest_score, decided[2].interest_score);
  EXPECT_GT(decided[1].visit_minutes, decided[0].visit_minutes)
      << "popular museums get longer stops";
  EXPECT_FALSE(decided[2].included);
  EXPECT_EQ(decided[2].reason, "below the 2 stops worth most for their time (max_attractions)");
  EXPECT_EQ(decided[1].reason, "museum; Wikidata, Wikipedia, 6 name translations");
}

TEST(HeuristicFilter, GoogleRatingCountRaisesInterest) {
  Attraction quiet = make("q", "Quiet", {"tourist_attraction"});
  Attraction busy = make("b", "Busy", {"tourist_attraction"}, 41.2, -8.6);
  busy.rating = 4.6;
  busy.rating_count = 20000;
  const auto decided = core::algo::heuristic_filter({quiet, busy}, kPorto);
  EXPECT_GT(decided[1].interest_score, decided[0].interest_score + 20);
}

TEST(HeuristicFilter, IsDeterministic) {
  std::vector<Attraction> input;
  for (int i = 0; i < 50; ++i)
    input.push_back(
        make(std::to_string(i), "S" + std::to_string(i), {"monument"}, 41 + i * 1e-3, -8));
  EXPECT_EQ(core::algo::heuristic_filter(input, {"Porto", {41, -8}, 4, 20}),
            core::algo::heuristic_filter(input, {"Porto", {41, -8}, 4, 20}));
}

}  // namespace
