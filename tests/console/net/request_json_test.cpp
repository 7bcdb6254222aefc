#include "console/net/request_json.h"

#include <gtest/gtest.h>

#include "shared/edit/draft_edits.h"
#include "shared/errors.h"
#include "shared/json/documents.h"
#include "shared/json/edits_json.h"
#include "shared/json/model_json.h"
#include "tests/console/fixtures.h"

namespace {

TEST(AttractionPatchJson, IsWhatTheServerParses) {
  core::edit::AttractionPatch patch;
  patch.name.emplace("Palácio da Bolsa");
  patch.visit_minutes.emplace(40);
  patch.locked_tour.emplace(std::nullopt);
  const nlohmann::json body = console::net::attraction_patch_json(patch);
  EXPECT_TRUE(body.at("locked_tour").is_null());
  EXPECT_FALSE(body.contains("included"));
  const core::edit::AttractionPatch back = core::json::parse_attraction_patch(body);
  EXPECT_EQ(back.name, patch.name);
  EXPECT_EQ(back.visit_minutes, patch.visit_minutes);
  EXPECT_EQ(back.locked_tour, patch.locked_tour);
  EXPECT_FALSE(back.included.has_value());
}

TEST(TourEditsJson, IsWhatTheServerParses) {
  std::vector<core::edit::TourEdit> tours(2);
  tours[0].stops = {{"a", true}, {"b", false}};
  tours[0].order_locked = true;
  tours[1].stops = {{"c", false}};
  const auto back = core::json::parse_tour_edits(console::net::tour_edits_json(tours));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_TRUE(back[0].order_locked);
  EXPECT_EQ(back[0].stops[0].attraction_id, "a");
  EXPECT_TRUE(back[0].stops[0].locked);
  EXPECT_EQ(back[1].stops[0].attraction_id, "c");
}

// A city of the GET /api/cities answer, as an editor's key gets it (with `status`).
nlohmann::json listed_porto(const std::string& status, const std::string& created_at = "") {
  core::model::City city;
  city.id = "c1";
  city.place_id = "geonames:2735943";
  city.name = "Porto";
  city.created_at = created_at;
  nlohmann::json item = city;
  item["status"] = status;
  return item;
}

TEST(CityList, ReadsStatusAndTellsAnEditorsAnswer) {
  nlohmann::json item = listed_porto("draft");
  bool editor = false;
  auto cities = console::net::parse_city_list({{"success", true}, {"cities", {item}}}, editor);
  ASSERT_EQ(cities.size(), 1u);
  EXPECT_EQ(cities[0].city.name, "Porto");
  EXPECT_EQ(cities[0].status, core::model::CityStatus::Draft);
  EXPECT_TRUE(editor);
  item.erase("status");
  console::net::parse_city_list({{"cities", {item}}}, editor);
  EXPECT_FALSE(editor);
  EXPECT_THROW(console::net::parse_city_list({{"success", true}}, editor), core::InputError);
}

// While a place is generated for the first time, GET /api/cities (server/http/city_handlers.cpp)
// lists it with a null id and no name: {"id": null, "place_id", "status": "generating", "job_id"}.
TEST(CityList, APlaceGeneratedForTheFirstTimeIsARowThatCannotBeOpened) {
  const nlohmann::json item = listed_porto("draft", "2026-12-07T08:05:11Z");
  const nlohmann::json pending{{"id", nullptr}, {"place_id", "geonames:3117735"}, {"status", "generating"}, {"job_id", "job-7"}};
  bool editor = false;
  const auto cities = console::net::parse_city_list({{"success", true}, {"cities", {item, pending}}}, editor);
  ASSERT_EQ(cities.size(), 2u);
  EXPECT_TRUE(editor);
  EXPECT_TRUE(cities[0].openable());
  EXPECT_EQ(cities[0].city.created_at, "2026-12-07T08:05:11Z");
  EXPECT_TRUE(cities[0].job_id.empty());
  EXPECT_FALSE(cities[1].openable());
  EXPECT_EQ(cities[1].city.place_id, "geonames:3117735");
  EXPECT_EQ(cities[1].status, core::model::CityStatus::Generating);
  EXPECT_EQ(cities[1].job_id, "job-7");
  EXPECT_TRUE(cities[1].city.name.empty());
  // Without an id member at all it is the same row; without a place id it is unusable.
  nlohmann::json no_id = pending;
  no_id.erase("id");
  EXPECT_FALSE(console::net::parse_city_list({{"cities", {no_id}}}, editor)[0].openable());
  nlohmann::json no_place = pending;
  no_place.erase("place_id");
  EXPECT_THROW(console::net::parse_city_list({{"cities", {no_place}}}, editor), core::InputError);
}

TEST(CityList, ReadsAPublicationDateWhenTheServerGivesOne) {
  nlohmann::json item = listed_porto("published");
  bool editor = false;
  EXPECT_TRUE(console::net::parse_city_list({{"cities", {item}}}, editor)[0].published_at.empty());
  item["published_at"] = nullptr;
  EXPECT_TRUE(console::net::parse_city_list({{"cities", {item}}}, editor)[0].published_at.empty());
  item["published_at"] = "2026-12-07T09:00:00Z";
  EXPECT_EQ(console::net::parse_city_list({{"cities", {item}}}, editor)[0].published_at, "2026-12-07T09:00:00Z");
  item["published_at"] = 3;
  EXPECT_THROW(console::net::parse_city_list({{"cities", {item}}}, editor), core::InputError);
}

TEST(CityReply, ReadsTheCityDocumentAndItsWarnings) {
  core::model::City city;
  city.id = "city-1";
  city.name = "Porto";
  const auto revision = console::testing::sample_revision();
  nlohmann::json document = core::json::city_document(city, revision);
  document["warnings"] = {"Tour 2 takes 190 min"};
  const auto reply = console::net::parse_city_reply(document);
  EXPECT_EQ(reply.city.name, "Porto");
  EXPECT_EQ(reply.revision.tours, revision.tours);
  EXPECT_EQ(reply.revision.attractions.size(), revision.attractions.size());
  EXPECT_EQ(reply.warnings, std::vector<std::string>{"Tour 2 takes 190 min"});
}

TEST(RevisionChanges, ReadTheServersShape) {
  auto before = console::testing::sample_revision();
  auto after = before;
  after.tours[1].stops.pop_back();
  after.attractions[5].editor.included = true;
  const core::edit::RevisionChanges changes = core::edit::compare_revisions(before, after);
  const auto back = console::net::parse_revision_changes(nlohmann::json(changes));
  ASSERT_EQ(back.tours.size(), 1u);
  EXPECT_EQ(back.tours[0].index, 1);
  EXPECT_EQ(back.tours[0].removed, std::vector<std::string>{"Sight e"});
  EXPECT_EQ(back.newly_included, std::vector<std::string>{"Sight x"});
  EXPECT_EQ(back.tours_after, 2);
}

}  // namespace
