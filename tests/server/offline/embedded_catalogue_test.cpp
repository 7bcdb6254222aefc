#include <gtest/gtest.h>

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
  for (const char* required :
       {"porto", "munich", "london", "helsinki", "copenhagen", "monaco", "andorra", "liechtenstein", "paris"}) {
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

TEST(EmbeddedCatalogue, EveryCityOffersAtLeastFifteenUsableStopsExceptParis) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  server::offline::EmbeddedPlaceProvider provider(catalogue);
  server::pipeline::RunContext context;
  for (const auto& city : catalogue.cities()) {
    core::model::GenerationOptions options;
    options.max_attractions = 300;
    auto decided = core::algo::heuristic_filter(provider.attractions(city.city, options, context),
                                                {city.city.name, city.city.centre, 1, 300});
    const auto kept = std::count_if(decided.begin(), decided.end(), [](const auto& a) { return a.included; });
    if (city.key != "paris") {
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

TEST(EmbeddedPlaceProvider, UsesEnglishNamesWhenAskedAndStaysNearTheCentre) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  server::offline::EmbeddedPlaceProvider provider(catalogue);
  server::pipeline::RunContext context;
  const auto& porto = *catalogue.find("geonames:2735943");
  core::model::GenerationOptions english;
  core::model::GenerationOptions portuguese;
  portuguese.language = "pt";
  const auto en = provider.attractions(porto.city, english, context);
  const auto pt = provider.attractions(porto.city, portuguese, context);
  ASSERT_EQ(en.size(), pt.size());
  bool differs = false;
  for (std::size_t i = 0; i < en.size(); ++i) differs |= en[i].name != pt[i].name;
  EXPECT_TRUE(differs) << "Porto has name:en tags (e.g. Clerics Tower)";
}

}  // namespace
