// A revision's tours as GeoJSON (shared/formats/geojson.h): RFC 7946 order ([lon, lat]), one
// LineString per tour and one Point per stop, each with its properties.
#include "shared/formats/geojson.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shared/formats/tour_path.h"
#include "tests/core/json/samples.h"

namespace {

using nlohmann::json;

core::model::Revision two_tours() {
  core::model::Revision revision = narrando::testing::sample_revision();
  core::model::Tour second = narrando::testing::sample_tour();
  second.index = 1;
  second.title = "Second";
  second.start.reset();
  second.stops.pop_back();
  second.legs.clear();
  core::model::recompute_totals(second);
  revision.tours[0].index = 0;
  revision.tours.push_back(second);
  return revision;
}

std::vector<json> features_of_kind(const json& collection, const std::string& kind) {
  std::vector<json> found;
  for (const json& feature : collection.at("features")) {
    if (feature.at("properties").at("kind") == kind) found.push_back(feature);
  }
  return found;
}

TEST(ToursGeojson, IsAFeatureCollectionNamingTheCityAndRevision) {
  const core::model::City city = narrando::testing::sample_city();
  const json collection = core::formats::tours_geojson(city, two_tours());
  EXPECT_EQ(collection.at("type"), "FeatureCollection");
  const json& properties = collection.at("properties");
  EXPECT_EQ(properties.at("city_id"), city.id);
  EXPECT_EQ(properties.at("city"), city.name);
  EXPECT_EQ(properties.at("revision"), 2);
  EXPECT_NE(properties.at("attribution").get<std::string>().find("OpenStreetMap"),
            std::string::npos);
  for (const json& feature : collection.at("features")) EXPECT_EQ(feature.at("type"), "Feature");
}

TEST(ToursGeojson, OneLineStringPerTourAlongItsPathInLonLatOrder) {
  const core::model::Revision revision = two_tours();
  const json collection = core::formats::tours_geojson(narrando::testing::sample_city(), revision);
  const std::vector<json> lines = features_of_kind(collection, "tour");
  ASSERT_EQ(lines.size(), revision.tours.size());
  for (std::size_t t = 0; t < lines.size(); ++t) {
    const core::model::Tour& tour = revision.tours[t];
    const json& line = lines[t];
    EXPECT_EQ(line.at("geometry").at("type"), "LineString");
    const std::vector<core::model::GeoPoint> path = core::formats::tour_path(tour);
    const json& coordinates = line.at("geometry").at("coordinates");
    ASSERT_EQ(coordinates.size(), path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
      EXPECT_EQ(coordinates[i], json::array({path[i].lon_deg, path[i].lat_deg})) << "point " << i;
    }
    const json& properties = line.at("properties");
    EXPECT_EQ(properties.at("tour"), tour.index);
    EXPECT_EQ(properties.at("title"), tour.title);
    EXPECT_EQ(properties.at("stops"), tour.stops.size());
    EXPECT_EQ(properties.at("walk_distance_m"), tour.walk_distance_m);
    EXPECT_EQ(properties.at("walk_minutes"), tour.walk_minutes);
    EXPECT_EQ(properties.at("total_minutes"), tour.total_minutes);
  }
}

TEST(ToursGeojson, OnePointPerStopNumberedFromOne) {
  const core::model::Revision revision = two_tours();
  const json collection = core::formats::tours_geojson(narrando::testing::sample_city(), revision);
  const std::vector<json> points = features_of_kind(collection, "stop");
  std::size_t next = 0;
  for (const core::model::Tour& tour : revision.tours) {
    for (std::size_t i = 0; i < tour.stops.size(); ++i, ++next) {
      ASSERT_LT(next, points.size());
      const core::model::TourStop& stop = tour.stops[i];
      const json& point = points[next];
      EXPECT_EQ(point.at("geometry").at("type"), "Point");
      EXPECT_EQ(point.at("geometry").at("coordinates"),
                json::array({stop.location.lon_deg, stop.location.lat_deg}));
      const json& properties = point.at("properties");
      EXPECT_EQ(properties.at("tour"), tour.index);
      EXPECT_EQ(properties.at("order"), i + 1);
      EXPECT_EQ(properties.at("attraction_id"), stop.attraction_id);
      EXPECT_EQ(properties.at("name"), stop.name);
      EXPECT_EQ(properties.at("visit_minutes"), stop.visit_minutes);
    }
  }
  EXPECT_EQ(points.size(), next);
}

TEST(ToursGeojson, NoToursGiveAnEmptyCollection) {
  core::model::Revision revision = narrando::testing::sample_revision();
  revision.tours.clear();
  const json collection = core::formats::tours_geojson(narrando::testing::sample_city(), revision);
  EXPECT_TRUE(collection.at("features").is_array());
  EXPECT_TRUE(collection.at("features").empty());
}

}  // namespace
