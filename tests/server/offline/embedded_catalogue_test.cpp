#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_place_provider.h"
#include "shared/algo/heuristic_filter.h"
#include "shared/errors.h"

namespace {

using server::offline::EmbeddedCatalogue;

TEST(EmbeddedCatalogue, HoldsTheRequiredCities) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  std::set<std::string> keys;
  for (const auto& city : catalogue.cities()) keys.insert(city.key);
  for (const char* required : {"porto",
                               "munich",
                               "london",
                               "helsinki",
                               "copenhagen",
                               "monaco",
                               "andorra",
                               "liechtenstein",
                               "paris"}) {
    EXPECT_TRUE(keys.contains(required)) << required;
  }
}

TEST(EmbeddedCatalogue, ResolvesTheSeedParisIdAndGeonamesIds) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  const auto* paris = catalogue.find("ChIJD7fiBh9u5kcRYJSMaMOCCwQ");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->city.name, "Paris");
  EXPECT_EQ(paris->city.country_code, "FR");
  EXPECT_EQ(catalogue.find("geonames:2988507"), paris);
  const auto* porto = catalogue.find("geonames:2735943");
  ASSERT_NE(porto, nullptr);
  EXPECT_EQ(porto->city.name, "Porto");
  EXPECT_EQ(catalogue.find("geonames:1"), nullptr);
  EXPECT_EQ(catalogue.find("ChIJnotarealplace"), nullptr);
}

TEST(EmbeddedCatalogue, NoInventedGooglePlaceIds) {
  // Only Paris carries a Google id (the seed's real one); every other city is geonames:<id>.
  for (const auto& city : EmbeddedCatalogue::builtin().cities()) {
    if (city.key == "paris") continue;
    EXPECT_EQ(city.city.place_id.rfind("geonames:", 0), 0u) << city.key;
  }
}

TEST(EmbeddedCatalogue, EveryCityOffersAtLeastFifteenUsableStopsExceptTheTinyPatches) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  server::offline::EmbeddedPlaceProvider provider(catalogue);
  server::pipeline::RunContext context;
  for (const auto& city : catalogue.cities()) {
    core::model::GenerationOptions options;
    options.max_attractions = 300;
    auto decided = core::algo::heuristic_filter(provider.attractions(city.city, options, context),
                                                {city.city.name, city.city.centre, 1, 300});
    const auto kept =
        std::count_if(decided.begin(), decided.end(), [](const auto& a) { return a.included; });
    // Paris and Stockholm are test-sized patches; 5 of Stockholm's 17 rows are art dealers
    // (tourism=gallery with shop=art), which the filter drops.
    if (city.key != "paris" && city.key != "stockholm") {
      EXPECT_GE(kept, 15) << city.key;
    }
    EXPECT_GE(kept, 5) << city.key;
  }
}

TEST(EmbeddedCatalogue, ParseRejectsMalformedRows) {
  EXPECT_THROW(EmbeddedCatalogue::parse("poi\tonly\tthree\n"), std::runtime_error);
  EXPECT_NO_THROW(EmbeddedCatalogue::parse("# comment only\n\n"));
}

TEST(EmbeddedPlaceProvider, UnknownPlaceNamesTheCitiesCommand) {
  server::offline::EmbeddedPlaceProvider provider(EmbeddedCatalogue::builtin());
  try {
    provider.check_place_id("ChIJnotarealplace1234");
    FAIL() << "accepted an unknown place";
  } catch (const core::NotFoundError& e) {
    EXPECT_EQ(e.code(), "unknown_place");
    EXPECT_NE(std::string(e.what()).find("narrando-server cities"), std::string::npos);
  }
  EXPECT_THROW(provider.check_place_id("bad id"), core::InputError);
}

TEST(EmbeddedPlaceProvider, CarriesTheSourceTagsTheFilterNamesStopsWith) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  server::offline::EmbeddedPlaceProvider provider(catalogue);
  server::pipeline::RunContext context;
  const auto& porto = *catalogue.find("geonames:2735943");
  const auto candidates = provider.attractions(porto.city, {}, context);
  const auto tower = std::find_if(candidates.begin(), candidates.end(), [](const auto& a) {
    return a.source_id == "osm:way/247168260";
  });
  ASSERT_NE(tower, candidates.end());
  EXPECT_EQ(tower->name, "Torre dos Clérigos") << "the provider keeps the local name";
  EXPECT_EQ(tower->tags.at("name:en"), "Clerics Tower");
  EXPECT_EQ(tower->tags.at("man_made"), "campanile") << "a secondary tag, read from the extract";

  // The filter shows each name in the document's language, with the local name as fallback.
  core::algo::FilterContext english{.city_name = porto.city.name,
                                    .city_centre = porto.city.centre,
                                    .tours = 4,
                                    .max_attractions = 300,
                                    .language = "en",
                                    .local_language = "pt"};
  core::algo::FilterContext portuguese = english;
  portuguese.language = "pt";
  const auto en = core::algo::heuristic_filter(candidates, english);
  const auto pt = core::algo::heuristic_filter(candidates, portuguese);
  const auto index = static_cast<std::size_t>(tower - candidates.begin());
  EXPECT_EQ(en[index].name, "Clerics Tower");
  EXPECT_EQ(pt[index].name, "Torre dos Clérigos");
  EXPECT_TRUE(en[index].tags.empty()) << "decided attractions carry no source tags";
}

TEST(EmbeddedCatalogue, RowsKnowTheSightOutlineTheyLieIn) {
  // Munich's Glockenspiel plays on the Neues Rathaus: the extract's outline says so.
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  int inside = 0;
  for (const auto* poi : catalogue.pois_of("munich")) {
    if (poi->attraction.source_id == "osm:node/340004719") {
      EXPECT_EQ(poi->attraction.within, "osm:relation/147095");
    }
    inside += poi->attraction.within.empty() ? 0 : 1;
  }
  EXPECT_GT(inside, 20);
}

}  // namespace
