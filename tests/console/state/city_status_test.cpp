#include "console/state/city_status.h"

#include <gtest/gtest.h>

#include "tests/console/fixtures.h"

namespace {

using namespace console::state;

using core::model::CityStatus;

CitySummary
row(std::optional<CityStatus> status, std::optional<int> published, std::optional<int> draft) {
  CitySummary summary;
  summary.city.id = "city-1";
  summary.city.published_revision = published;
  summary.city.draft_revision = draft;
  summary.status = status;
  return summary;
}

TEST(CityBadge, APublishedCityWithAPendingDraftShowsBoth) {
  EXPECT_EQ(city_badge(row(CityStatus::Published, 1, std::nullopt), nullptr).health,
            CityHealth::Published);
  const CityBadge both = city_badge(row(CityStatus::Draft, 1, 2), nullptr);
  EXPECT_EQ(both.text, "published + draft");
  EXPECT_EQ(both.health, CityHealth::PublishedWithDraft);
  EXPECT_EQ(city_badge(row(CityStatus::Draft, std::nullopt, 1), nullptr).health, CityHealth::Draft);
  EXPECT_EQ(city_badge(row(CityStatus::Generating, 1, std::nullopt), nullptr).health,
            CityHealth::Generating);
  EXPECT_EQ(city_badge(row(std::nullopt, std::nullopt, std::nullopt), nullptr).text, "-");
}

TEST(CityBadge, TheOpenCityWithoutToursIsAProblem) {
  LoadedCity open;
  open.city.id = "city-1";
  open.revision = console::testing::sample_revision();
  EXPECT_EQ(city_badge(row(CityStatus::Published, 1, std::nullopt), &open).health,
            CityHealth::Published);
  open.revision.tours.clear();
  const CityBadge badge = city_badge(row(CityStatus::Published, 1, std::nullopt), &open);
  EXPECT_EQ(badge.health, CityHealth::Problem);
  EXPECT_EQ(badge.text, "published, no tours");
  // Another row is not judged by the open city.
  CitySummary other = row(CityStatus::Published, 1, std::nullopt);
  other.city.id = "city-2";
  EXPECT_EQ(city_badge(other, &open).health, CityHealth::Published);
}

TEST(EditAccess, AnAppKeyIsReadOnlyAndSaysSo) {
  AppState state;
  CommandSink sink;
  EXPECT_FALSE(can_edit(state));  // no city
  apply_reply(state, CityReply{{}, console::testing::sample_revision(), {}, "", false}, sink);
  EXPECT_TRUE(can_edit(state));
  EXPECT_EQ(read_only_reason(state), "");
  apply_reply(state, ConnectedReply{"http://127.0.0.1:1", {}, false, {}}, sink);
  EXPECT_FALSE(can_edit(state));
  EXPECT_NE(read_only_reason(state).find("app key"), std::string::npos);
}

}  // namespace
