// A replan is a pipeline run: its trace, recorded with the Google Routes fake answering, replays
// offline to the same tours through `narrando-server replay`'s replayer.
#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "server/replay/replayer.h"
#include "server/wiring/services.h"
#include "tests/fakes/fake_google.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace narrando::testing;

constexpr const char* kGoogleKey = "AIzaFakeKeyForTests0123";
constexpr const char* kPorto =
    "geonames:2735943";  // embedded places; distances from the Routes fake

class ReplanReplay : public ::testing::Test {
 protected:
  server::config::Config config(const std::string& policy) {
    return server::config::from_environment({{"GOOGLE_PLACES_API_KEY", kGoogleKey},
                                             {"GOOGLE_PLACES_BASE_URL", google.base_url()},
                                             {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
                                             {"ROUTES_POLICY", policy},
                                             {"WALKING_NETWORK", "model"},
                                             {"ROUTES_MATRIX_MAX_POINTS", "200"},
                                             {"CLIENT_RETRY_BASE_MS", "1"},
                                             {"NARRANDO_DB", dir.file("n.db")}});
  }
  // Generates Porto in this thread (no worker pool) and returns its city id.
  static std::string generate(server::wiring::Services& services) {
    const std::atomic<bool> stopping{false};
    const auto submitted =
        services.generation->submit({kPorto, {}, "", {}}, server::config::Role::Editor);
    const auto finished = services.generation->run_or_wait(
        submitted.queued.job, "test", std::chrono::seconds(60), {}, stopping);
    EXPECT_EQ(finished.job.status, core::model::JobStatus::Succeeded);
    return finished.job.result ? finished.job.result->city_id : "";
  }

  FakeGoogle google{kGoogleKey};
  TempDir dir;
};

TEST_F(ReplanReplay, AReplanOnARoutesMatrixReplaysOfflineToTheSameTours) {
  const server::config::Config settings = config("matrix");
  server::wiring::Services services = server::wiring::build_services(settings);
  const std::string city = generate(services);
  ASSERT_FALSE(city.empty());
  const int matrix_before = google.requests("computeRouteMatrix");
  const auto outcome = services.drafts->replan(city, nlohmann::json{{"tours", 2}});
  ASSERT_GT(google.requests("computeRouteMatrix"), matrix_before) << "the replan asked the fake";

  const auto trace = services.store->load_run(outcome.run_id);
  ASSERT_TRUE(trace);
  EXPECT_EQ(trace->origin, core::model::RevisionOrigin::Replan);
  EXPECT_EQ(static_cast<int>(trace->calls.size()), outcome.spent.calls);
  EXPECT_EQ(trace->tours, outcome.draft.tours) << "the trace holds what the draft got";
  const auto runs = services.reads->list_runs(city).runs;
  ASSERT_FALSE(runs.empty());
  EXPECT_EQ(runs.front().job_id, outcome.run_id);
  EXPECT_EQ(runs.front().origin, core::model::RevisionOrigin::Replan);
  EXPECT_NEAR(runs.front().cost_usd, outcome.spent.cost_usd, 1e-9);

  // Offline: the fake is gone, so any call the replay asked for would fail.
  const int requests_before_replay =
      google.requests("computeRouteMatrix") + google.requests("computeRoutes");
  const auto report = server::replay::replay_run(*trace, server::config::from_environment({}));
  EXPECT_TRUE(report.identical) << ::testing::PrintToString(report.differences);
  EXPECT_EQ(report.unused_calls, 0u) << "every recorded call is asked for again";
  EXPECT_EQ(report.tours, outcome.draft.tours);
  EXPECT_EQ(google.requests("computeRouteMatrix") + google.requests("computeRoutes"),
            requests_before_replay);
}

TEST_F(ReplanReplay, ARecordedAnswerChangedUnderAReplanIsNoticed) {
  server::wiring::Services services = server::wiring::build_services(config("matrix"));
  const std::string city = generate(services);
  ASSERT_FALSE(city.empty());
  auto trace =
      *services.store->load_run(services.drafts->replan(city, nlohmann::json::object()).run_id);
  // Longer walks between every pair: the same input must not give the same tours.
  bool tampered = false;
  for (auto& call : trace.calls) {
    if (call.operation != "computeRouteMatrix") continue;
    for (std::size_t pos = call.response_body.find("\"duration\":\""); pos != std::string::npos;
         pos = call.response_body.find("\"duration\":\"", pos + 1)) {
      call.response_body.insert(pos + 12, "9");
      tampered = true;
    }
  }
  ASSERT_TRUE(tampered);
  EXPECT_FALSE(server::replay::replay_run(trace, server::config::from_environment({})).identical);
}

TEST_F(ReplanReplay, AnOfflineReplanReplaysWithNoCalls) {
  const server::config::Config offline = server::config::from_environment(
      {{"WALKING_NETWORK", "model"}, {"NARRANDO_DB", dir.file("offline.db")}});
  server::wiring::Services services = server::wiring::build_services(offline);
  const std::string city = generate(services);
  ASSERT_FALSE(city.empty());
  const auto outcome = services.drafts->replan(city, nlohmann::json{{"minutes_per_tour", 90}});
  const auto trace = services.store->load_run(outcome.run_id);
  ASSERT_TRUE(trace);
  EXPECT_TRUE(trace->calls.empty());
  EXPECT_EQ(trace->options.minutes_per_tour, 90);
  const auto report = server::replay::replay_run(*trace, offline);
  EXPECT_TRUE(report.identical) << ::testing::PrintToString(report.differences);
  EXPECT_EQ(report.tours, outcome.draft.tours);
}

}  // namespace
