// End-to-end: `narrando-server generate` on the embedded defaults (no keys, SQLite).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "server/cli/cli.h"
#include "tests/support/temp_dir.h"

namespace {

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};

class GenerateCommand : public ::testing::Test {
 protected:
  CliResult run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = server::cli::run(args, {{"NARRANDO_DB", db}}, out, err);
    return {code, out.str(), err.str()};
  }

  void expect_valid_tours(const nlohmann::json& document, std::size_t tours) {
    ASSERT_EQ(document["tours"].size(), tours);
    std::set<std::string> included;
    for (const auto& a : document["attractions"]) {
      EXPECT_FALSE(a["reason"].get<std::string>().empty());
      const bool kept = a.contains("effective") ? a["effective"]["included"].get<bool>()
                                                : a["included"].get<bool>();
      if (kept) included.insert(a["id"].get<std::string>());
    }
    std::set<std::string> visited;
    for (const auto& tour : document["tours"]) {
      EXPECT_LE(tour["total_minutes"].get<double>(), tour["budget_minutes"].get<double>() + 1e-6);
      EXPECT_GE(tour["stops"].size(), 3u);
      EXPECT_EQ(tour["legs"].size(), tour["stops"].size() - 1);
      for (const auto& stop : tour["stops"]) {
        const std::string id = stop["attraction_id"];
        EXPECT_TRUE(included.contains(id)) << "a stop must be an included attraction";
        EXPECT_TRUE(visited.insert(id).second) << "tours are disjoint";
      }
    }
  }

  narrando::testing::TempDir dir;
  std::string db = dir.file("narrando.db");
};

TEST_F(GenerateCommand, PortoGivesFourWalkableTours) {
  const CliResult result = run({"generate", "geonames:2735943", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["success"], true);
  EXPECT_EQ(document["city"]["name"], "Porto");
  EXPECT_EQ(document["revision"]["status"], "published");
  expect_valid_tours(document, 4);
  // The real negative rows of Porto (shops, restaurants with sight-like names) are dropped.
  int dropped_as_not_sights = 0;
  for (const auto& a : document["attractions"]) {
    dropped_as_not_sights += a["reason"].get<std::string>().starts_with("not a sight") ? 1 : 0;
  }
  EXPECT_GE(dropped_as_not_sights, 10);
}

TEST_F(GenerateCommand, TheSeedParisPlaceIdWorksOffline) {
  const CliResult result = run({"generate", "ChIJD7fiBh9u5kcRYJSMaMOCCwQ", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["city"]["name"], "Paris");
  EXPECT_EQ(document["city"]["place_id"], "ChIJD7fiBh9u5kcRYJSMaMOCCwQ");
  EXPECT_NE(document["city"]["note"].get<std::string>().find("Paris"), std::string::npos);
  ASSERT_FALSE(document["tours"].empty());
  expect_valid_tours(document, document["tours"].size());
}

TEST_F(GenerateCommand, PrintsAReadableSummary) {
  const CliResult result =
      run({"generate", "geonames:2735943", "--tours", "2", "--minutes", "120"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("Porto, PT (geonames:2735943)"), std::string::npos);
  EXPECT_NE(result.out.find("Candidates: "), std::string::npos);
  EXPECT_NE(result.out.find("not a sight: shop"), std::string::npos);
  EXPECT_NE(result.out.find("Tour 2: "), std::string::npos);
  EXPECT_EQ(result.out.find("Tour 3: "), std::string::npos);
  EXPECT_NE(result.out.find(" km walking ("), std::string::npos);
  EXPECT_NE(result.out.find(" of 120 min"), std::string::npos);
}

TEST_F(GenerateCommand, AnExistingCityIsShownUnlessForced) {
  const auto first = nlohmann::json::parse(run({"generate", "geonames:2735943", "--json"}).out);
  const CliResult again = run({"generate", "geonames:2735943", "--json"});
  ASSERT_EQ(again.code, 0);
  EXPECT_NE(again.err.find("generated before"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(again.out)["revision"]["number"], 1);
  const auto forced =
      nlohmann::json::parse(run({"generate", "geonames:2735943", "--json", "--force"}).out);
  EXPECT_EQ(forced["city"]["id"], first["city"]["id"]) << "a city keeps its id";
  EXPECT_EQ(forced["revision"]["number"], 2);
  EXPECT_EQ(forced["revision"]["status"], "draft");
}

TEST_F(GenerateCommand, RefusesAnUnknownPlaceWithoutWritingAnything) {
  const CliResult result = run({"generate", "ChIJthisplacedoesnotexist"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("narrando-server cities"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(GenerateCommand, RefusesMalformedInputWithoutWritingAnything) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"generate", "geonames:2735943", "--tours", "0"},
        {"generate", "geonames:2735943", "--minutes", "lots"},
        {"generate", "geonames:2735943", "--start", "41.1"},
        {"generate", "geonames:2735943", "--speed", "50"},
        {"generate", "not a place id"},
        {"generate"},
        {"generate", "geonames:2735943", "--colour", "red"}}) {
    const CliResult result = run(args);
    EXPECT_EQ(result.code, 2) << args.back();
    EXPECT_EQ(result.err.rfind("error: ", 0), 0u) << result.err;
  }
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(GenerateCommand, AnUnsupportedLanguageExitsTwoWithTheList) {
  const CliResult result = run({"generate", "geonames:2735943", "--language", "xx"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(
      result.err.find("--language \"xx\" is not supported; supported languages: de (German), en "
                      "(English), es (Spanish), fr (French), it (Italian), pt (Portuguese)"),
      std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(GenerateCommand, CitiesListsTheEmbeddedData) {
  const CliResult result = run({"cities"});
  ASSERT_EQ(result.code, 0);
  EXPECT_NE(result.out.find("ChIJD7fiBh9u5kcRYJSMaMOCCwQ"), std::string::npos);
  EXPECT_NE(result.out.find("geonames:2735943"), std::string::npos);
  EXPECT_NE(result.out.find("OpenStreetMap contributors"), std::string::npos);
  const auto listed = nlohmann::json::parse(run({"cities", "--json"}).out);
  EXPECT_GE(listed["cities"].size(), 8u);
}

TEST_F(GenerateCommand, UnknownCommandsAndBadConfigurationAreUsageErrors) {
  EXPECT_EQ(run({"fly"}).code, 2);
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(server::cli::run({"generate", "geonames:2735943"}, {{"PORT", "http"}}, out, err), 2);
  EXPECT_NE(err.str().find("PORT must be an integer"), std::string::npos);
}

}  // namespace
