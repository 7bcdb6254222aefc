// The production path (Google Places through its fake, the LLM through its fake) obeys the
// filter's rules: a hotel and a shop are no stops, two names for one tower are one stop, and a
// closed place stays out even when the LLM keeps it.
#include <gtest/gtest.h>

#include <map>

#include "tests/fakes/fake_google.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;
using nlohmann::json;

constexpr const char* kGoogleKey = "AIzaFakeKeyForTests0123";
constexpr const char* kLlmKey = "pplx-fake-key-for-tests";

// A Google place near Porto's centre, `north_m` metres north of it.
json place(const std::string& id,
           const std::string& name,
           const std::string& language,
           const std::vector<std::string>& types,
           double north_m,
           int ratings) {
  return {{"id", id},
          {"displayName", {{"text", name}, {"languageCode", language}}},
          {"location", {{"latitude", 41.1460 + north_m / 111195.0}, {"longitude", -8.6110}}},
          {"types", types},
          {"primaryType", types.front()},
          {"rating", 4.6},
          {"userRatingCount", ratings}};
}

// Generates the fakes' city through the real server (Google Places, the LLM, the walking model)
// and returns its city document; null (with a test failure) if the generation failed.
json generate_through_fakes(const FakeGoogle& google,
                            const FakePerplexity& llm,
                            const TempDir& dir) {
  TestServer server({{"GOOGLE_PLACES_API_KEY", kGoogleKey},
                     {"GOOGLE_PLACES_BASE_URL", google.base_url()},
                     {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
                     {"PERPLEXITY_API_KEY", kLlmKey},
                     {"PERPLEXITY_BASE_URL", llm.base_url()},
                     {"ROUTES_POLICY", "off"},
                     {"WALKING_NETWORK", "model"},
                     {"NARRANDO_DB", dir.file("n.db")},
                     {"CLIENT_RETRY_BASE_MS", "1"}});
  auto client = server.client();
  const auto generated = json_of(client.Post(
      "/api/generate-city", json{{"place_id", google.place_id()}}.dump(), "application/json"));
  EXPECT_EQ(generated["success"], true) << generated.dump();
  if (generated["success"] != true) return nullptr;
  return json_of(client.Get("/api/cities/" + generated["city_id"].get<std::string>()));
}

TEST(PlacesFilter, GooglePlacesAndLlmDecisionsObeyTheSameRules) {
  FakeGoogle google{kGoogleKey};
  FakePerplexity llm{kLlmKey};
  TempDir dir;
  google.add_place(place("ChIJtestAsinelliIt",
                         "Torre degli Asinelli di Testville",
                         "it",
                         {"historical_landmark", "tourist_attraction"},
                         0.0,
                         90000));
  google.add_place(place("ChIJtestAsinelliEn",
                         "Asinelli Tower of Testville",
                         "en",
                         {"tourist_attraction", "historical_landmark"},
                         10.0,
                         12000));
  google.add_place(
      place("ChIJtestHotel", "Grand Hotel Torre", "en", {"hotel", "lodging"}, 300.0, 3000));
  google.add_place(
      place("ChIJtestShop", "Museum Souvenir Shop", "en", {"gift_shop", "store"}, 500.0, 800));
  json closed = place("ChIJtestClosed",
                      "Museu do Carro Eléctrico Antigo",
                      "pt",
                      {"museum", "tourist_attraction"},
                      700.0,
                      4000);
  closed["businessStatus"] = "CLOSED_PERMANENTLY";
  google.add_place(closed);

  const json document = generate_through_fakes(google, llm, dir);
  ASSERT_FALSE(document.is_null());
  std::map<std::string, json> by_source;
  for (const auto& a : document["attractions"]) by_source[a["source_id"]] = a;
  ASSERT_TRUE(by_source.contains("ChIJtestClosed")) << "the search found every added place";

  EXPECT_FALSE(by_source["ChIJtestHotel"]["included"].get<bool>());
  EXPECT_FALSE(by_source["ChIJtestShop"]["included"].get<bool>());
  const json& tower = by_source["ChIJtestAsinelliIt"];
  const json& twin = by_source["ChIJtestAsinelliEn"];
  EXPECT_TRUE(tower["included"].get<bool>()) << tower["reason"];
  EXPECT_FALSE(twin["included"].get<bool>());
  EXPECT_EQ(twin["reason"], "duplicate of \"Torre degli Asinelli di Testville\" (10 m away)");
  EXPECT_EQ(tower["decided_by"], "llm");
  EXPECT_EQ(tower["summary"], "Fake one-line description of Torre degli Asinelli di Testville")
      << "in production the LLM's one-line description";
  const json& closed_museum = by_source["ChIJtestClosed"];
  EXPECT_FALSE(closed_museum["included"].get<bool>());
  EXPECT_EQ(closed_museum["reason"], "permanently closed (Google businessStatus)");
  int stops_named_asinelli = 0;
  for (const auto& tour : document["tours"]) {
    for (const auto& stop : tour["stops"]) {
      stops_named_asinelli +=
          stop["name"].get<std::string>().find("Asinelli") != std::string::npos ? 1 : 0;
      EXPECT_NE(stop["attraction_id"], closed_museum["id"]);
    }
  }
  EXPECT_LE(stops_named_asinelli, 1);
  EXPECT_FALSE(tower.contains("tags")) << "a decided attraction carries no source tags";
}

TEST(PlacesFilter, TheCitysHeadlineMuseumIsAStopEvenWhenItsVisitIsLong) {
  // The national museum: 210,000 ratings, and the LLM says a visit takes 90 minutes. A plain sum
  // of scores used to trade it for three quick stops; its stop is the tour's time there, at most a
  // sixth of the tour (30 of 180 minutes), and a headline sight outweighs the fillers.
  FakeGoogle google{kGoogleKey};
  FakePerplexity llm{kLlmKey};
  TempDir dir;
  google.add_place(place("ChIJtestNationalMuseum",
                         "Museu Nacional de Testville",
                         "pt",
                         {"museum", "tourist_attraction"},
                         150.0,
                         210000));
  llm.set_visit_minutes("Museu Nacional de Testville", 90);
  const json document = generate_through_fakes(google, llm, dir);
  ASSERT_FALSE(document.is_null());
  std::string museum_id;
  for (const auto& a : document["attractions"]) {
    if (a["source_id"] != "ChIJtestNationalMuseum") continue;
    museum_id = a["id"];
    EXPECT_TRUE(a["included"].get<bool>()) << a["reason"];
    EXPECT_EQ(a["visit_minutes"], 30) << "the LLM's 90-minute visit, as a 30-minute stop";
  }
  ASSERT_FALSE(museum_id.empty());
  bool in_a_tour = false;
  for (const auto& tour : document["tours"]) {
    for (const auto& stop : tour["stops"])
      in_a_tour = in_a_tour || stop["attraction_id"] == museum_id;
  }
  EXPECT_TRUE(in_a_tour);
}

}  // namespace
