#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "server/clients/google_places_client.h"
#include "server/errors.h"
#include "shared/algo/geo.h"
#include "shared/errors.h"
#include "tests/fakes/fake_google.h"
#include "tests/server/clients/client_fixture.h"

namespace {

using namespace narrando::testing;
using server::clients::GooglePlacesClient;

constexpr const char* kKey = "AIzaFakeKeyForTests0123";

class GooglePlaces : public ::testing::Test {
 protected:
  GooglePlacesClient client(const std::string& key = kKey) {
    server::clients::GooglePlacesSettings settings;
    settings.api_key = key;
    return GooglePlacesClient(loopback.caller, settings, loopback.prices);
  }
  FakeGoogle fake{kKey};
  LoopbackCaller loopback{"places", fake.base_url(), std::chrono::seconds(1)};
  server::pipeline::RunContext context;
  core::model::GenerationOptions options;
};

TEST_F(GooglePlaces, TheFakeRefusesWhatGoogleRefuses) {
  httplib::Client raw("127.0.0.1",
                      std::stoi(fake.base_url().substr(fake.base_url().rfind(':') + 1)));
  const auto no_mask = raw.Post("/v1/places:searchText",
                                {{"X-Goog-Api-Key", kKey}},
                                R"({"textQuery": "x"})",
                                "application/json");
  EXPECT_EQ(no_mask->status, 400);
  EXPECT_NE(no_mask->body.find("FieldMask is a required parameter"), std::string::npos);
  const auto bad_key =
      raw.Get("/v1/places/x", {{"X-Goog-Api-Key", "wrong"}, {"X-Goog-FieldMask", "id"}});
  EXPECT_EQ(bad_key->status, 400);
  EXPECT_NE(bad_key->body.find("API_KEY_INVALID"), std::string::npos);
  const auto prefixed_details =
      raw.Get(std::string("/v1/places/") + FakeGoogle::kPortoPlaceId,
              {{"X-Goog-Api-Key", kKey}, {"X-Goog-FieldMask", "places.id"}});
  EXPECT_EQ(prefixed_details->status, 400) << "Place Details masks have no places. prefix";
}

TEST_F(GooglePlaces, ReadsTheCityFromPlaceDetails) {
  const auto city = client().city(FakeGoogle::kPortoPlaceId, options, context);
  EXPECT_EQ(city.name, "Porto");
  EXPECT_EQ(city.country_code, "PT");
  EXPECT_EQ(city.source, core::model::PlaceSource::Google);
  EXPECT_TRUE(core::algo::contains(city.viewport, city.centre));
  ASSERT_EQ(context.calls.size(), 1u);
  EXPECT_EQ(context.calls[0].operation, "getPlace");
  EXPECT_EQ(context.calls[0].sku, "places.details.pro");
  EXPECT_GT(context.calls[0].cost_usd, 0.0);
}

// Only towns are generated (issue 15, finding 6): anything else is refused after Place Details,
// before the paid searches.
TEST_F(GooglePlaces, OnlyTownLikePlacesAreCities) {
  const std::vector<std::pair<nlohmann::json, bool>> cases = {
      {{"locality", "political"}, true},
      {{"postal_town", "political"}, true},
      {{"administrative_area_level_2", "political"}, true},
      {{"restaurant", "food", "point_of_interest", "establishment"}, false},
      {{"route"}, false},
      {{"country", "political"}, false},
      {nlohmann::json::array(), false}};
  for (const auto& [types, city_like] : cases) {
    fake.set_city_types(types);
    server::pipeline::RunContext run;
    if (city_like) {
      EXPECT_NO_THROW(client().city(FakeGoogle::kPortoPlaceId, options, run)) << types.dump();
    } else {
      try {
        client().city(FakeGoogle::kPortoPlaceId, options, run);
        ADD_FAILURE() << "accepted " << types.dump();
      } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), "not_a_city") << types.dump();
      }
    }
    EXPECT_EQ(run.calls.size(), 1u) << "Place Details only";
  }
}

TEST_F(GooglePlaces, UnknownPlacesAndBadKeysAreTold) {
  EXPECT_THROW(client().city("ChIJnoSuchPlaceAnywhere", options, context), core::NotFoundError);
  try {
    client("AIzaWrongKey0000").city(FakeGoogle::kPortoPlaceId, options, context);
    FAIL() << "a wrong key passed";
  } catch (const server::UpstreamError& e) {
    EXPECT_FALSE(e.retryable());
    EXPECT_NE(std::string(e.what()).find("check GOOGLE_PLACES_API_KEY"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("AIzaWrongKey"), std::string::npos)
        << "the key never appears";
  }
}

TEST_F(GooglePlaces, PagesDeduplicatesAndKeepsCandidatesInTheViewport) {
  auto places = client();
  const auto city = places.city(FakeGoogle::kPortoPlaceId, options, context);
  const auto candidates = places.attractions(city, options, context);
  std::set<std::string> ids;
  for (const auto& a : candidates) {
    EXPECT_TRUE(ids.insert(a.source_id).second) << "duplicate " << a.name;
    EXPECT_TRUE(core::algo::contains(core::algo::expanded(city.viewport, 500.0), a.location))
        << a.name;
    EXPECT_FALSE(a.types.empty());
  }
  EXPECT_GT(fake.requests("searchText"), 6) << "the 'top attractions' query pages";
  EXPECT_GE(candidates.size(), 150u);
  int with_rating = 0;
  for (const auto& a : candidates) with_rating += a.rating.has_value() ? 1 : 0;
  EXPECT_GT(with_rating, 0);
  EXPECT_LT(with_rating, static_cast<int>(candidates.size()))
      << "proto3: missing ratings stay missing";
  for (const auto& call : context.calls) {
    if (call.operation == "searchText") {
      EXPECT_EQ(call.sku, "places.text_search.enterprise");
    }
  }
}

TEST_F(GooglePlaces, ChainsPageTokensThroughThreePagesAndDeduplicates) {
  server::clients::GooglePlacesSettings settings;
  settings.api_key = kKey;
  settings.queries = {"top tourist attractions", "museums"};
  settings.nearby_types.clear();
  GooglePlacesClient places(loopback.caller, settings, loopback.prices);
  const auto city = places.city(FakeGoogle::kPortoPlaceId, options, context);
  const auto candidates = places.attractions(city, options, context);

  // What reached the fake, next to what it answered (the trace keeps each response).
  const std::vector<std::string> sent = fake.bodies("searchText");
  std::vector<nlohmann::json> answers;
  for (const auto& call : context.calls) {
    if (call.operation == "searchText")
      answers.push_back(nlohmann::json::parse(call.response_body));
  }
  ASSERT_GE(sent.size(), 4u) << "three pages of the first query, then the second";
  ASSERT_EQ(sent.size(), answers.size());
  const auto first = nlohmann::json::parse(sent[0]);
  EXPECT_FALSE(first.contains("pageToken"));
  for (std::size_t page = 1; page < 3; ++page) {
    auto body = nlohmann::json::parse(sent[page]);
    ASSERT_TRUE(answers[page - 1].contains("nextPageToken")) << "page " << page;
    EXPECT_EQ(body["pageToken"], answers[page - 1]["nextPageToken"])
        << "page " << page + 1 << " asks with the token of page " << page;
    body.erase("pageToken");
    EXPECT_EQ(body, first) << "every other field stays the same";
  }
  EXPECT_FALSE(answers[2].contains("nextPageToken")) << "three pages at most";
  EXPECT_FALSE(nlohmann::json::parse(sent[3]).contains("pageToken"))
      << "the next query starts afresh";

  std::set<std::string> returned;
  std::size_t total = 0;
  for (std::size_t page = 0; page < answers.size(); ++page) {
    if (page < 3) {
      EXPECT_EQ(answers[page]["places"].size(), 20u) << "page " << page + 1 << " is full";
    }
    for (const auto& place : answers[page]["places"]) {
      returned.insert(place["id"].get<std::string>());
      ++total;
    }
  }
  std::set<std::string> kept;
  for (const auto& a : candidates)
    EXPECT_TRUE(kept.insert(a.source_id).second) << "duplicate " << a.name;
  EXPECT_EQ(kept, returned) << "every place of every page, once";
  EXPECT_LT(returned.size(), total) << "the museums were on the top pages too: de-duplicated";
}

TEST_F(GooglePlaces, TheFakeRefusesAPageTokenOfAnotherQuery) {
  httplib::Client raw("127.0.0.1", fake.port());
  const auto asked =
      raw.Post("/v1/places:searchText",
               {{"X-Goog-Api-Key", kKey}, {"X-Goog-FieldMask", "places.id"}},
               R"({"textQuery": "museums in Porto", "pageToken": "tok:parks in Porto:1"})",
               "application/json");
  EXPECT_EQ(asked->status, 400) << asked->body;
}

TEST_F(GooglePlaces, RetriesRateLimitsAndServerErrors) {
  fake.inject("getPlace", {429, "", "application/json", "1", {}, false});
  fake.inject("getPlace", {503, "", "application/json", "", {}, false});
  EXPECT_EQ(client().city(FakeGoogle::kPortoPlaceId, options, context).name, "Porto");
  EXPECT_EQ(fake.requests("getPlace"), 3);
  ASSERT_GE(loopback.sleeps.size(), 1u);
  EXPECT_GE(loopback.sleeps[0], std::chrono::milliseconds(200))
      << "Retry-After is honoured up to the cap";
}

TEST_F(GooglePlaces, FailsCleanlyOnSlowTruncatedAndNonJsonAnswers) {
  for (int i = 0; i < 4; ++i)
    fake.inject("getPlace",
                {200, "", "application/json", "", std::chrono::milliseconds(1500), false});
  try {
    client().city(FakeGoogle::kPortoPlaceId, options, context);
    FAIL() << "slow answers passed";
  } catch (const server::UpstreamError& e) {
    EXPECT_TRUE(e.retryable());
    EXPECT_NE(std::string(e.what()).find("no response"), std::string::npos) << e.what();
  }
  fake.inject("getPlace", {200, "", "application/json", "", {}, true});
  EXPECT_THROW(client().city(FakeGoogle::kPortoPlaceId, options, context), server::UpstreamError);
  fake.inject("getPlace", {200, "<html>maintenance</html>", "text/html", "", {}, false});
  EXPECT_THROW(client().city(FakeGoogle::kPortoPlaceId, options, context), server::UpstreamError);
}

}  // namespace
