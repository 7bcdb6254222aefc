// ProviderChoice: typed choices, written to a run trace's settings by name and read back exactly.
#include "server/wiring/providers.h"

#include <gtest/gtest.h>

#include "shared/errors.h"

namespace {

using core::model::PlaceSource;
using core::model::RoutesPolicy;
using server::wiring::FilterChoice;
using server::wiring::ProviderChoice;

TEST(ProviderChoice, WithoutKeysEverythingIsOffline) {
  const ProviderChoice choice = ProviderChoice::from_config(server::config::from_environment({}));
  EXPECT_EQ(choice.places, PlaceSource::Embedded);
  EXPECT_EQ(choice.filter, FilterChoice::Heuristic);
  EXPECT_EQ(choice.routes_policy, RoutesPolicy::Off) << "ROUTES_POLICY needs a Google key";
}

TEST(ProviderChoice, KeysSelectGoogleTheLlmAndTheConfiguredRoutesPolicy) {
  const ProviderChoice choice = ProviderChoice::from_config(
      server::config::from_environment({{"GOOGLE_PLACES_API_KEY", "g"},
                                        {"PERPLEXITY_API_KEY", "p"},
                                        {"ROUTES_POLICY", "matrix"},
                                        {"ROUTES_MATRIX_MAX_POINTS", "60"}}));
  EXPECT_EQ(choice.places, PlaceSource::Google);
  EXPECT_EQ(choice.filter, FilterChoice::Llm);
  EXPECT_EQ(choice.routes_policy, RoutesPolicy::Matrix);
  EXPECT_EQ(choice.routes_matrix_max_points, 60);
}

TEST(ProviderChoice, SettingsRoundTripByName) {
  ProviderChoice choice;
  choice.places = PlaceSource::Google;
  choice.filter = FilterChoice::Llm;
  choice.llm_api_style = "chat";
  choice.llm_model = "sonar";
  choice.network = core::model::WalkingNetwork::Model;
  choice.routes_policy = RoutesPolicy::Legs;
  choice.routes_matrix_max_points = 60;
  choice.places_max_pages = 2;
  choice.llm_batch_size = 25;
  const auto settings = choice.settings();
  EXPECT_EQ(settings.at("places"), "google");
  EXPECT_EQ(settings.at("filter"), "llm");
  EXPECT_EQ(settings.at("routes_policy"), "legs");
  EXPECT_EQ(settings.at("network"), "model");
  EXPECT_EQ(settings.at("routes_matrix_max_points"), "60");
  const ProviderChoice back = ProviderChoice::from_settings(settings);
  EXPECT_EQ(back.settings(), settings);
  EXPECT_EQ(back.routes_policy, RoutesPolicy::Legs);
  EXPECT_EQ(back.llm_batch_size, 25u);
}

TEST(ProviderChoice, AbsentSettingsKeepTheDefaultsAndUnknownOnesAreRefusedByName) {
  // A trace from before street networks has no "network": that run walked the model.
  ProviderChoice before_networks;
  before_networks.network = core::model::WalkingNetwork::Model;
  EXPECT_EQ(ProviderChoice::from_settings({}).settings(), before_networks.settings());
  EXPECT_EQ(ProviderChoice::from_settings({{"network", "osm"}}).network,
            core::model::WalkingNetwork::Osm);
  const auto message = [](std::map<std::string, std::string> settings) {
    try {
      ProviderChoice::from_settings(settings);
    } catch (const core::InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message({{"places", "osm"}}),
            "settings.places must be one of \"embedded\", \"google\", got \"osm\"");
  EXPECT_EQ(message({{"filter", "gpt"}}),
            "settings.filter must be one of \"heuristic\", \"llm\", got \"gpt\"");
  EXPECT_EQ(message({{"network", "graph"}}),
            "settings.network must be one of \"osm\", \"model\", got \"graph\"");
  EXPECT_EQ(message({{"places_max_pages", "3 pages"}}),
            "settings.places_max_pages must be an integer, got \"3 pages\"");
  EXPECT_EQ(message({{"llm_batch_size", ""}}),
            "settings.llm_batch_size must be an integer, got \"\"");
}

}  // namespace
