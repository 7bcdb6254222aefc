// Base URLs with a path prefix ("https://gateway/v1"): split for httplib, and every client
// reaching a fake mounted below that path, directly and through the configured wiring.
#include <gtest/gtest.h>

#include "server/clients/google_places_client.h"
#include "server/clients/google_routes_client.h"
#include "server/clients/llm_filter.h"
#include "server/config/config.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_place_provider.h"
#include "server/offline/walking_distance_provider.h"
#include "server/support/base_url.h"
#include "server/wiring/providers.h"
#include "shared/errors.h"
#include "tests/fakes/fake_google.h"
#include "tests/fakes/fake_overpass.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/server/clients/client_fixture.h"

namespace {

using namespace narrando::testing;
using server::support::prefixed_path;
using server::support::split_base_url;

constexpr const char* kGoogleKey = "AIzaFakeKeyForTests0123";
constexpr const char* kLlmKey = "pplx-fake-key-for-tests";

std::vector<core::model::Attraction> porto_candidates() {
  const auto& porto = *server::offline::EmbeddedCatalogue::builtin().find("geonames:2735943");
  server::offline::EmbeddedPlaceProvider places(server::offline::EmbeddedCatalogue::builtin());
  server::pipeline::RunContext context;
  auto candidates = places.attractions(porto.city, {}, context);
  candidates.resize(12);  // one LLM batch is enough here
  return candidates;
}

core::model::Tour three_stop_tour() {
  core::model::Tour tour;
  tour.title = "Tour 1";
  tour.budget_minutes = 180;
  for (int i = 0; i < 3; ++i)
    tour.stops.push_back({"a", "Stop", {41.14 + 0.001 * i, -8.61}, 10, 50, false});
  return tour;
}

TEST(SplitBaseUrl, SeparatesTheOriginFromAPathPrefix) {
  EXPECT_EQ(split_base_url("https://api.perplexity.ai").origin, "https://api.perplexity.ai");
  EXPECT_EQ(split_base_url("https://api.perplexity.ai").path_prefix, "");
  EXPECT_EQ(split_base_url("https://api.perplexity.ai/").path_prefix, "");
  const auto gateway = split_base_url("http://127.0.0.1:18777/v1");
  EXPECT_EQ(gateway.origin, "http://127.0.0.1:18777");
  EXPECT_EQ(gateway.path_prefix, "/v1");
  EXPECT_EQ(split_base_url("http://127.0.0.1:18777/v1//").path_prefix, "/v1")
      << "trailing slashes dropped";
  EXPECT_EQ(split_base_url("https://gw.example/a/b/").path_prefix, "/a/b");
  EXPECT_EQ(split_base_url("http://[::1]:8080/x").origin, "http://[::1]:8080");
}

TEST(SplitBaseUrl, RefusesWhatTheTransportCannotReach) {
  EXPECT_THROW(split_base_url("ftp://example.org"), core::InputError);
  EXPECT_THROW(split_base_url("example.org/v1"), core::InputError);
  EXPECT_THROW(split_base_url("http://"), core::InputError);
  EXPECT_THROW(split_base_url("http:///v1"), core::InputError);
  EXPECT_THROW(split_base_url("https://gw.example/v1?key=x"), core::InputError);
  EXPECT_THROW(split_base_url("https://gw.example/v1#top"), core::InputError);
}

TEST(PrefixedPath, JoinsWithExactlyOneSlash) {
  EXPECT_EQ(prefixed_path("", "/chat/completions"), "/chat/completions");
  EXPECT_EQ(prefixed_path("/v1", "/chat/completions"), "/v1/chat/completions");
  EXPECT_EQ(prefixed_path("/v1", "chat/completions"), "/v1/chat/completions");
  EXPECT_EQ(prefixed_path("/gw", "/v1/places/x?languageCode=en"),
            "/gw/v1/places/x?languageCode=en");
}

TEST(BaseUrlPrefix, ChatStyleUnderV1SendsPostV1ChatCompletions) {
  FakePerplexity fake{kLlmKey, "/v1"};
  const auto candidates = porto_candidates();
  const auto& porto = server::offline::EmbeddedCatalogue::builtin().find("geonames:2735943")->city;
  for (const std::string& base : {fake.base_url(), fake.base_url() + "/"}) {
    LoopbackCaller loopback{"llm", base};
    server::clients::LlmAttractionFilter filter(
        loopback.caller, {kLlmKey, "chat", "sonar", 40, 6000}, loopback.prices);
    server::pipeline::RunContext context;
    EXPECT_EQ(filter.filter(porto, candidates, {}, context).used, "llm (chat, sonar)") << base;
    ASSERT_EQ(context.calls.size(), 1u);
    EXPECT_EQ(context.calls[0].status, 200) << context.calls[0].error;
  }
  EXPECT_EQ(fake.requests("chat.completions"), 2)
      << "both reached /v1/chat/completions, the only chat route";
}

TEST(BaseUrlPrefix, AgentStyleAndGoogleWorkBelowAGatewayPath) {
  FakePerplexity llm{kLlmKey, "/gateway/perplexity"};
  LoopbackCaller llm_loopback{"llm", llm.base_url()};
  server::clients::LlmAttractionFilter filter(
      llm_loopback.caller, {kLlmKey, "agent", "perplexity/sonar", 40, 6000}, llm_loopback.prices);
  server::pipeline::RunContext context;
  const auto& porto = server::offline::EmbeddedCatalogue::builtin().find("geonames:2735943")->city;
  EXPECT_EQ(filter.filter(porto, porto_candidates(), {}, context).used,
            "llm (agent, perplexity/sonar)");
  EXPECT_EQ(llm.requests("responses"), 1) << "POST /gateway/perplexity/v1/responses";

  FakeGoogle google{kGoogleKey, "porto", "/maps"};
  LoopbackCaller places_loopback{"places", google.base_url() + "/"};
  server::clients::GooglePlacesSettings settings;
  settings.api_key = kGoogleKey;
  server::clients::GooglePlacesClient places(
      places_loopback.caller, settings, places_loopback.prices);
  EXPECT_EQ(places.city(FakeGoogle::kPortoPlaceId, {}, context).name, "Porto");
  LoopbackCaller routes_loopback{"routes", google.base_url()};
  server::clients::GoogleRoutesDistanceProvider routes(
      routes_loopback.caller,
      {kGoogleKey, server::clients::RoutesPolicy::Legs, 25},
      routes_loopback.prices,
      std::make_unique<server::offline::WalkingDistanceProvider>());
  std::vector<core::model::Tour> tours{three_stop_tour()};
  routes.legs({}, tours, {}, context);
  EXPECT_TRUE(context.notes.empty()) << context.notes.front();
  EXPECT_EQ(google.requests("getPlace"), 1);
  EXPECT_EQ(google.requests("computeRoutes"), 1);
  ASSERT_EQ(tours[0].legs.size(), 2u);
  EXPECT_GT(tours[0].legs[0].polyline.size(), 8u) << "a walking path from the fake";
}

TEST(BaseUrlPrefix, ConfiguredBaseUrlsWithAPathReachEveryService) {
  FakePerplexity llm{kLlmKey, "/v1"};
  FakeGoogle google{kGoogleKey, "porto", "/google"};
  FakeOverpass overpass{"/osm"};
  const auto config =
      server::config::from_environment({{"PERPLEXITY_API_KEY", kLlmKey},
                                        {"OVERPASS_URL", overpass.interpreter_url()},
                                        {"PERPLEXITY_BASE_URL", llm.base_url()},
                                        {"LLM_API_STYLE", "chat"},
                                        {"GOOGLE_PLACES_API_KEY", kGoogleKey},
                                        {"GOOGLE_PLACES_BASE_URL", google.base_url() + "/"},
                                        {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
                                        {"ROUTES_POLICY", "legs"}});
  EXPECT_EQ(config.llm_model, "sonar")
      << "chat style without LLM_MODEL asks for Perplexity's chat model";
  auto providers = server::wiring::make_providers(
      server::wiring::ProviderChoice::from_config(config),
      config,
      server::wiring::real_transports(config),
      [](std::chrono::milliseconds) {},
      server::clients::PriceTable::defaults());
  server::pipeline::RunContext context;
  const auto city = providers.places->city(FakeGoogle::kPortoPlaceId, {}, context);
  EXPECT_EQ(city.name, "Porto");
  EXPECT_EQ(providers.filter->filter(city, porto_candidates(), {}, context).used,
            "llm (chat, sonar)");
  std::vector<core::model::Tour> tours{three_stop_tour()};
  providers.distances->matrix(
      city, {tours[0].stops[0].location, tours[0].stops[1].location}, {}, context);
  providers.distances->legs(city, tours, {}, context);
  EXPECT_EQ(overpass.requests("interpreter"), 1) << "POST /osm/api/interpreter";
  EXPECT_EQ(google.requests("getPlace"), 1);
  EXPECT_EQ(llm.requests("chat.completions"), 1);
  EXPECT_EQ(google.requests("computeRoutes"), 1);
  for (const auto& call : context.calls)
    EXPECT_EQ(call.status, 200) << call.operation << ": " << call.error;
}

}  // namespace
