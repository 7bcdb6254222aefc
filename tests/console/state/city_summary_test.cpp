#include "console/state/city_summary.h"

#include <gtest/gtest.h>

#include "tests/console/fixtures.h"

namespace {

using console::state::CitySummary;
using console::testing::listed_city;
using console::testing::pending_place;

TEST(FindCity, MatchesIdOrPlaceIdAndNeverARowWithoutACity) {
  const std::vector<CitySummary> cities{pending_place("geonames:2735943", "job-1"),
                                        listed_city("c1", "geonames:2735943"),
                                        pending_place("geonames:3117735", "job-2")};
  ASSERT_NE(console::state::find_city(cities, "c1"), nullptr);
  // The pending row comes first with the same place id: the openable city is found anyway.
  EXPECT_EQ(console::state::find_city(cities, "geonames:2735943"), &cities[1]);
  // A place without a city yet is not something to open, and an empty key matches no pending row.
  EXPECT_EQ(console::state::find_city(cities, "geonames:3117735"), nullptr);
  EXPECT_EQ(console::state::find_city(cities, ""), nullptr);
  EXPECT_EQ(console::state::find_city(cities, "c9"), nullptr);
}

// The server's embedded places (GET /api/places), as a connection brings them.
const std::vector<core::json::PlaceSummary> kPlaces{
    {"geonames:2735943", "Porto", "PT", 206, true},
    {"geonames:3117735", "Madrid", "ES", 90, false}};

TEST(CityLabel, NamesCitiesAndPlacesBeingGenerated) {
  EXPECT_EQ(console::state::city_label(listed_city("c1", "geonames:2735943"), kPlaces),
            "Porto (PT)");
  CitySummary no_country = listed_city("c1", "geonames:2735943");
  no_country.city.country_code.clear();
  EXPECT_EQ(console::state::city_label(no_country, kPlaces), "Porto");
  // A place of the server's embedded data is named from its catalogue; others by place id.
  EXPECT_EQ(console::state::city_label(pending_place("geonames:3117735", "job-1"), kPlaces),
            "Madrid");
  EXPECT_EQ(console::state::city_label(pending_place("geonames:3117735", "job-1"), {}),
            "geonames:3117735");
  EXPECT_EQ(console::state::city_label(pending_place("ChIJabc123", "job-2"), kPlaces),
            "ChIJabc123");
  CitySummary named = pending_place("ChIJabc123", "job-2");
  named.city.name = "Coimbra";  // should the server ever name it
  EXPECT_EQ(console::state::city_label(named, kPlaces), "Coimbra");
}

TEST(FindPlace, FindsAnEmbeddedCityByPlaceId) {
  const auto* porto = console::state::find_place(kPlaces, "geonames:2735943");
  ASSERT_NE(porto, nullptr);
  EXPECT_EQ(porto->name, "Porto");
  EXPECT_EQ(console::state::find_place(kPlaces, "geonames:1"), nullptr);
}

TEST(ShortDate, KeepsDayAndMinuteOfAnIsoTime) {
  EXPECT_EQ(console::state::short_date("2026-12-07T08:05:11.123Z"), "2026-12-07 08:05");
  EXPECT_EQ(console::state::short_date("2026-12-07"), "2026-12-07");
  EXPECT_EQ(console::state::short_date(""), "");
  EXPECT_EQ(console::state::day_of("2026-12-07T08:05:11.123Z"), "2026-12-07");
  EXPECT_EQ(console::state::day_of(""), "");
}

}  // namespace
