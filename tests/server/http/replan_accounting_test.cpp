// POST /api/cities/{id}/replan through the Google Routes fake: its calls are a run like a
// generation's, within CALL_BUDGET, counted and costed per stage in the answer.
#include <gtest/gtest.h>

#include <map>

#include "tests/fakes/fake_google.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

constexpr const char* kGoogleKey = "AIzaFakeKeyForTests0123";
constexpr const char* kPorto =
    "geonames:2735943";  // embedded places; distances from the Routes fake

class ReplanAccounting : public ::testing::Test {
 protected:
  std::map<std::string, std::string> env(const std::string& policy, const std::string& budget) {
    return {{"GOOGLE_PLACES_API_KEY", kGoogleKey},
            {"GOOGLE_PLACES_BASE_URL", google.base_url()},
            {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
            {"ROUTES_POLICY", policy},
            {"WALKING_NETWORK", "model"},  // Routes' accounting alone: no Overpass calls among them
            {"ROUTES_MATRIX_MAX_POINTS", "200"},
            // A 200-point matrix may cost $200: the spend budget (paid_calls_test) is not under
            // test here.
            {"SPEND_BUDGET_USD_PER_DAY", "10000"},
            {"SPEND_BUDGET_USD_PER_CALLER_PER_DAY", "10000"},
            {"CALL_BUDGET", budget},
            {"CLIENT_RETRY_BASE_MS", "1"},
            {"NARRANDO_DB", dir.file("n.db")}};
  }
  static std::map<std::string, nlohmann::json> stages_of(const nlohmann::json& spent) {
    std::map<std::string, nlohmann::json> stages;
    for (const auto& stage : spent["stages"]) stages[stage["stage"]] = stage;
    return stages;
  }

  FakeGoogle google{kGoogleKey};
  TempDir dir;
};

TEST_F(ReplanAccounting, CountsAndCostsItsRoutesCallsPerStage) {
  TestServer server(env("matrix", "200"));
  auto client = server.client();
  const std::string city = generate(client, kPorto);
  ASSERT_FALSE(city.empty());
  const int matrix_before = google.requests("computeRouteMatrix");
  const int routes_before = google.requests("computeRoutes");
  const auto result = client.Post("/api/cities/" + city + "/replan", "{}", "application/json");
  ASSERT_EQ(result->status, 200) << result->body;
  const auto spent = json_of(result)["replan"];
  const int matrix_calls = google.requests("computeRouteMatrix") - matrix_before;
  const int routes_calls = google.requests("computeRoutes") - routes_before;
  EXPECT_GT(matrix_calls, 0);
  EXPECT_GT(routes_calls, 0);
  EXPECT_EQ(spent["calls"], matrix_calls + routes_calls) << spent.dump();
  EXPECT_EQ(spent["call_budget"], 200);
  auto stages = stages_of(spent);
  EXPECT_EQ(stages["distances"]["calls"], matrix_calls);
  EXPECT_EQ(stages["plan"]["calls"], 0);
  EXPECT_EQ(stages["legs"]["calls"], routes_calls);
  EXPECT_GT(stages["distances"]["cost_usd"].get<double>(), 0.0) << "billed per matrix element";
  EXPECT_GT(stages["legs"]["cost_usd"].get<double>(), 0.0);
  double total = 0.0;
  ASSERT_EQ(spent["external_calls"].size(), static_cast<std::size_t>(matrix_calls + routes_calls));
  for (const auto& call : spent["external_calls"]) {
    EXPECT_EQ(call["service"], "routes");
    EXPECT_EQ(call["status"], 200);
    EXPECT_FALSE(call["sku"].get<std::string>().empty());
    EXPECT_FALSE(call.contains("response_body")) << "bodies stay out of the answer";
    total += call["cost_usd"].get<double>();
  }
  EXPECT_NEAR(spent["cost_usd"].get<double>(), total, 1e-9);
  EXPECT_NEAR(spent["cost_usd"].get<double>(),
              stages["distances"]["cost_usd"].get<double>() +
                  stages["legs"]["cost_usd"].get<double>(),
              1e-9);

  // The replan is a run of the city like its generation: listed first, with its trace.
  const auto runs = json_of(client.Get("/api/cities/" + city + "/runs"))["runs"];
  ASSERT_EQ(runs.size(), 2u) << runs.dump();
  EXPECT_EQ(runs[0]["origin"], "replan");
  EXPECT_EQ(runs[0]["status"], "succeeded");
  EXPECT_EQ(runs[0]["calls"], spent["calls"]);
  EXPECT_NEAR(runs[0]["cost_usd"].get<double>(), spent["cost_usd"].get<double>(), 1e-9);
  EXPECT_EQ(runs[1]["origin"], "generation");
  const auto trace =
      json_of(client.Get("/api/cities/" + city + "/runs/" + runs[0]["job_id"].get<std::string>()));
  EXPECT_EQ(trace["run"]["origin"], "replan");
  EXPECT_EQ(trace["run"]["calls"].size(), spent["external_calls"].size());
  EXPECT_EQ(trace["run"]["tours"], json_of(result)["tours"]) << "the trace holds the draft's tours";
}

TEST_F(ReplanAccounting, WalkingPathsStopAtTheCallBudget) {
  TestServer server(env("legs", "2"));
  auto client = server.client();
  const std::string city = generate(client, kPorto);
  ASSERT_FALSE(city.empty());
  const int routes_before = google.requests("computeRoutes");
  const auto result = client.Post("/api/cities/" + city + "/replan", "{}", "application/json");
  ASSERT_EQ(result->status, 200) << result->body;
  const auto body = json_of(result);
  ASSERT_GT(body["tours"].size(), 2u) << "more tours than the budget has calls";
  EXPECT_EQ(google.requests("computeRoutes") - routes_before, 2)
      << "CALL_BUDGET=2 holds for a replan too";
  const auto spent = body["replan"];
  EXPECT_EQ(spent["calls"], 2);
  EXPECT_EQ(spent["call_budget"], 2);
  const std::string note = stages_of(spent)["legs"]["note"];
  EXPECT_NE(
      note.find(
          "planned legs kept, routes computeRoutes: the run's budget of external calls is spent"),
      std::string::npos)
      << note;
}

TEST_F(ReplanAccounting, AMatrixOverTheBudgetFailsTheReplanAndKeepsTheDraft) {
  std::string city;
  {
    TestServer generating(env("legs", "200"));
    auto client = generating.client();
    city = generate(client, kPorto);
  }
  ASSERT_FALSE(city.empty());
  TestServer server(env("matrix", "1"));  // the same database, now planning on a Routes matrix
  auto client = server.client();
  const auto before = json_of(client.Get("/api/cities/" + city));
  const int matrix_before = google.requests("computeRouteMatrix");
  const auto result = client.Post("/api/cities/" + city + "/replan", "{}", "application/json");
  expect_error(result, 502, "upstream_error");
  EXPECT_NE(json_of(result)["error"]["message"].get<std::string>().find(
                "budget of external calls is spent"),
            std::string::npos)
      << result->body;
  EXPECT_EQ(google.requests("computeRouteMatrix") - matrix_before, 1) << "no call past the budget";
  const auto after = json_of(client.Get("/api/cities/" + city));
  EXPECT_EQ(after["revision"], before["revision"]) << "a failed replan writes nothing";
  EXPECT_EQ(after["tours"], before["tours"]);
}

}  // namespace
