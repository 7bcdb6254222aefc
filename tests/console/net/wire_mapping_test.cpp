// The server's answers as the console's state keeps them (console/net/wire_mapping.h). The
// messages themselves are shared/json's (their round trips: tests/core/json/api_messages_test).
#include "console/net/wire_mapping.h"

#include <gtest/gtest.h>

#include "shared/errors.h"
#include "shared/json/city_messages.h"
#include "tests/console/fixtures.h"

namespace {

using core::model::CityStatus;

// A city of the GET /api/cities answer, as an editor's key gets it (with `status`).
core::json::CityListItem listed_porto(CityStatus status, const std::string& created_at = "") {
  core::json::CityListItem item;
  item.city.id = "c1";
  item.city.place_id = "geonames:2735943";
  item.city.name = "Porto";
  item.city.created_at = created_at;
  item.status = status;
  return item;
}

// Through the wire's JSON, as the client reads it.
core::json::CityList over_the_wire(const core::json::CityList& list) {
  return nlohmann::json::parse(nlohmann::json(list).dump()).get<core::json::CityList>();
}

TEST(CitySummaries, AreTheListsRowsAndTellAnEditorsList) {
  bool editor = false;
  const auto cities =
      console::net::city_summaries(over_the_wire({{listed_porto(CityStatus::Draft)}}), editor);
  ASSERT_EQ(cities.size(), 1u);
  EXPECT_EQ(cities[0].city.name, "Porto");
  EXPECT_EQ(cities[0].status, CityStatus::Draft);
  EXPECT_TRUE(editor);
  core::json::CityListItem without_status = listed_porto(CityStatus::Published);
  without_status.status.reset();
  console::net::city_summaries(over_the_wire({{without_status}}), editor);
  EXPECT_FALSE(editor) << "a row without the editors' status";
  console::net::city_summaries({}, editor);
  EXPECT_TRUE(editor) << "an empty list is an editor's";
  EXPECT_THROW((void)nlohmann::json::parse(R"({"success":true})").get<core::json::CityList>(),
               core::InputError);
}

// While a place is generated for the first time, GET /api/cities lists it with a null id and no
// name: {"id": null, "place_id", "status": "generating", "job_id", ...}.
TEST(CitySummaries, APlaceGeneratedForTheFirstTimeIsARowThatCannotBeOpened) {
  core::json::CityListItem pending;
  pending.city.place_id = "geonames:3117735";
  pending.status = CityStatus::Generating;
  pending.job_id = "job-7";
  bool editor = false;
  const auto cities = console::net::city_summaries(
      over_the_wire({{listed_porto(CityStatus::Draft, "2026-12-07T08:05:11Z"), pending}}), editor);
  ASSERT_EQ(cities.size(), 2u);
  EXPECT_TRUE(editor);
  EXPECT_TRUE(cities[0].openable());
  EXPECT_EQ(cities[0].city.created_at, "2026-12-07T08:05:11Z");
  EXPECT_TRUE(cities[0].job_id.empty());
  EXPECT_FALSE(cities[1].openable());
  EXPECT_EQ(cities[1].city.place_id, "geonames:3117735");
  EXPECT_EQ(cities[1].status, CityStatus::Generating);
  EXPECT_EQ(cities[1].job_id, "job-7");
  EXPECT_TRUE(cities[1].city.name.empty());
  // Without an id member at all it is the same row; without a place id it is unusable.
  nlohmann::json no_id = pending;
  no_id.erase("id");
  EXPECT_TRUE(no_id.get<core::json::CityListItem>().pending());
  nlohmann::json no_place = pending;
  no_place.erase("place_id");
  EXPECT_THROW((void)no_place.get<core::json::CityListItem>(), core::InputError);
}

TEST(CityReply, IsTheCityDocumentAndItsWarnings) {
  core::model::City city;
  city.id = "city-1";
  city.name = "Porto";
  const auto revision = console::testing::sample_revision();
  const auto reply =
      console::net::city_reply({city, revision, std::vector<std::string>{"Tour 2 takes 190 min"}});
  EXPECT_EQ(reply.city.name, "Porto");
  EXPECT_EQ(reply.revision, revision);
  EXPECT_EQ(reply.warnings, std::vector<std::string>{"Tour 2 takes 190 min"});
  EXPECT_TRUE(console::net::city_reply({city, revision, std::nullopt}).warnings.empty());
}

TEST(ReplayableRuns, AreTheSucceededRunsInTheServersOrder) {
  core::json::RunSummary newest{"job-3",
                                core::model::RevisionOrigin::Generation,
                                core::model::JobStatus::Succeeded,
                                "2026-12-07T10:00:00Z",
                                3,
                                12,
                                0.36};
  core::json::RunSummary failed{"job-2",
                                core::model::RevisionOrigin::Generation,
                                core::model::JobStatus::Failed,
                                "2026-12-07T09:00:00Z",
                                std::nullopt,
                                2,
                                0.05};
  core::json::RunSummary first{"job-1",
                               core::model::RevisionOrigin::Generation,
                               core::model::JobStatus::Succeeded,
                               "2026-12-07T08:00:00Z",
                               1,
                               0,
                               0.0};
  const auto runs = console::net::replayable_runs({{newest, failed, first}});
  ASSERT_EQ(runs.size(), 2u) << "a failed run has no trace to replay";
  EXPECT_EQ(runs[0].job_id, "job-3");
  EXPECT_EQ(runs[0].revision, 3);
  EXPECT_EQ(runs[0].calls, 12);
  EXPECT_DOUBLE_EQ(runs[0].cost_usd, 0.36);
  EXPECT_EQ(runs[1].job_id, "job-1");
}

}  // namespace
