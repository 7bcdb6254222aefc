// Every request and answer of the HTTP API (shared/json/*_messages.h) reads back as it was
// written, and is written with the members the OpenAPI document gives it.
#include <gtest/gtest.h>

#include "shared/errors.h"
#include "shared/json/city_messages.h"
#include "shared/json/edit_messages.h"
#include "shared/json/job_messages.h"
#include "shared/json/service_messages.h"
#include "tests/core/json/samples.h"

namespace {

using namespace core::json;
using core::model::Stage;
using narrando::testing::sample_attraction;
using narrando::testing::sample_city;
using narrando::testing::sample_revision;
using narrando::testing::sample_tour;

// Through text, as over the wire.
template <class T>
T round_trip(const T& value) {
  return nlohmann::json::parse(nlohmann::json(value).dump()).get<T>();
}

core::model::Job sample_job() {
  core::model::Job job;
  job.id = "0b5c1e1e-1111-4000-8000-000000000001";
  job.place_id = "geonames:2735943";
  job.options.tours = 3;
  job.status = core::model::JobStatus::Succeeded;
  job.stage = Stage::Store;
  job.progress = 1.0;
  job.attempts = 1;
  job.result = core::model::JobResult{sample_city().id, 2, 3, false};
  job.stages = {{Stage::City, 0.01, 1, 0.017, ""}, {Stage::Legs, 0.5, 3, 0.015, "3 routes"}};
  job.created_at = "2026-12-07T08:00:00.000Z";
  return job;
}

TEST(ServiceMessages, RoundTrip) {
  EXPECT_EQ(round_trip(HealthAnswer{}), HealthAnswer{});
  EXPECT_EQ(round_trip(ReadyAnswer{"ready", "postgres"}), (ReadyAnswer{"ready", "postgres"}));
  const ErrorAnswer failed{"upstream_error", "places 503", "job-1"};
  EXPECT_EQ(round_trip(failed), failed);
  const nlohmann::json plain = ErrorAnswer{"not_found", "no city", ""};
  EXPECT_EQ(plain,
            nlohmann::json::parse(
                R"({"success":false,"error":{"code":"not_found","message":"no city"}})"));
  EXPECT_EQ(error_document("not_found", "no city"), plain);
  EXPECT_THROW((void)nlohmann::json::parse(R"({"success":true})").get<ErrorAnswer>(),
               core::InputError);
}

TEST(JobMessages, GenerateRequestRoundTripsAndIsReadStrictly) {
  GenerateRequest request{"geonames:2735943", {}};
  EXPECT_EQ(nlohmann::json(request), nlohmann::json::parse(R"({"place_id":"geonames:2735943"})"))
      << "default options are not sent";
  EXPECT_EQ(round_trip(request), request);
  request.options.force = true;
  request.options.tours = 2;
  request.options.start = core::model::GeoPoint{41.14, -8.61};
  EXPECT_EQ(round_trip(request), request);
  EXPECT_THROW((void)nlohmann::json::parse(R"({"place":"x"})").get<GenerateRequest>(),
               core::InputError);
  EXPECT_THROW((void)nlohmann::json::parse(R"({"place_id":"x","options":{"tours":40}})")
                   .get<GenerateRequest>(),
               core::InputError);
}

TEST(JobMessages, GenerateAnswersOfAJobAndOfAnExistingCity) {
  const GenerateAnswer of_job{sample_city().id, 4, "job-1", 1, true, false, true};
  EXPECT_EQ(round_trip(of_job), of_job);
  const nlohmann::json job_json = of_job;
  EXPECT_EQ(job_json["joined"], true);
  EXPECT_FALSE(job_json.contains("existing"));
  const GenerateAnswer existing{sample_city().id, 4, "", 1, true, true, false};
  EXPECT_EQ(round_trip(existing), existing);
  const nlohmann::json existing_json = existing;
  EXPECT_EQ(existing_json["existing"], true);
  EXPECT_FALSE(existing_json.contains("job_id"));
  EXPECT_FALSE(existing_json.contains("joined"));
}

TEST(JobMessages, AcceptedAndJobAnswersRoundTrip) {
  const JobAccepted accepted{"job-1", core::model::JobStatus::Running, true};
  EXPECT_EQ(round_trip(accepted), accepted);
  EXPECT_EQ(nlohmann::json(accepted)["status_url"], "/api/jobs/job-1");
  const JobAnswer answer{sample_job()};
  EXPECT_EQ(round_trip(answer), answer);
  const nlohmann::json written = answer;
  EXPECT_EQ(written["success"], true);
  EXPECT_EQ(written["status_url"], job_status_url(answer.job.id));
  EXPECT_EQ(written["stages"][1]["stage"], "legs");
}

TEST(CityMessages, CityListRowsOfEditorsTheAppAndPendingPlaces) {
  CityListItem draft{
      sample_city(), core::model::CityStatus::Draft, false, "", std::nullopt, std::nullopt, 0.0};
  CityListItem app{
      sample_city(), core::model::CityStatus::Published, true, "", std::nullopt, std::nullopt, 0.0};
  app.city.draft_revision.reset();
  CityListItem pending;
  pending.city.place_id = "geonames:3117735";
  pending.status = core::model::CityStatus::Generating;
  pending.job_id = "job-7";
  pending.job_status = core::model::JobStatus::Running;
  pending.stage = Stage::Filter;
  pending.progress = 0.4;
  const CityList list{{draft, app, pending}};
  EXPECT_EQ(round_trip(list), list);
  const nlohmann::json written = list;
  EXPECT_EQ(written["cities"][0]["status"], "draft");
  EXPECT_TRUE(written["cities"][0].contains("draft_revision"));
  EXPECT_FALSE(written["cities"][1].contains("draft_revision")) << "the app never sees drafts";
  EXPECT_TRUE(written["cities"][2]["id"].is_null());
  EXPECT_EQ(written["cities"][2]["stage"], "filter");
  EXPECT_TRUE(round_trip(list).cities[2].pending());
}

TEST(CityMessages, CityDocumentRoundTripsWithAndWithoutWarnings) {
  CityDocument document{sample_city(), sample_revision(), std::nullopt};
  EXPECT_EQ(round_trip(document), document);
  EXPECT_FALSE(nlohmann::json(document).contains("warnings"));
  EXPECT_FALSE(nlohmann::json(document)["revision"].contains("attractions"))
      << "attractions are beside it";
  document.warnings = std::vector<std::string>{"tour 2 is over its budget"};
  EXPECT_EQ(round_trip(document), document);
  EXPECT_THROW((void)nlohmann::json::parse(R"({"city":{}})").get<CityDocument>(), core::InputError);
}

TEST(CityMessages, RunsRunAndPlacesRoundTrip) {
  const RunSummary run = RunSummary::of(sample_job());
  EXPECT_EQ(run.calls, 4);
  EXPECT_DOUBLE_EQ(run.cost_usd, 0.032);
  EXPECT_EQ(run.revision, 2);
  RunSummary failed = run;
  failed.job_id = "job-2";
  failed.status = core::model::JobStatus::Failed;
  failed.revision.reset();
  core::model::Job replan_job = sample_job();
  replan_job.origin = core::model::RevisionOrigin::Replan;
  EXPECT_EQ(RunSummary::of(replan_job).origin, core::model::RevisionOrigin::Replan)
      << "the job's own origin";
  EXPECT_EQ(run.origin, core::model::RevisionOrigin::Generation);
  const RunList runs{{run, failed, RunSummary::of(replan_job)}};
  EXPECT_EQ(round_trip(runs), runs);
  EXPECT_TRUE(nlohmann::json(runs)["runs"][1]["revision"].is_null());
  EXPECT_EQ(nlohmann::json(runs)["runs"][2]["origin"], "replan");

  RunAnswer answer;
  answer.run.job_id = "job-1";
  answer.run.place_id = "geonames:2735943";
  answer.run.city = sample_city();
  answer.run.stages = {{Stage::Plan, 0.2, 0, 0.0, "4 tours"}};
  answer.run.tours = {sample_tour()};
  EXPECT_EQ(round_trip(answer), answer);

  const PlaceList places{{{"geonames:2735943", "Porto", "PT", 206, true},
                          {"geonames:3117735", "Madrid", "ES", 90, false}}};
  EXPECT_EQ(round_trip(places), places);
  EXPECT_EQ(nlohmann::json(places)["places"][0]["walking_network"], true);
}

TEST(EditMessages, AttractionPatchRoundTripsNullsAndAbsentMembers) {
  core::edit::AttractionPatch patch;
  patch.included = std::optional<bool>(false);
  patch.name = std::optional<std::string>();  // null: clear the override
  patch.visit_minutes = std::optional<int>(25);
  const nlohmann::json body = patch;
  EXPECT_EQ(body, nlohmann::json::parse(R"({"included":false,"name":null,"visit_minutes":25})"));
  EXPECT_EQ(round_trip(patch), patch);
  EXPECT_THROW((void)nlohmann::json::object().get<core::edit::AttractionPatch>(), core::InputError)
      << "no change";
  EXPECT_THROW((void)nlohmann::json::parse(R"({"nmae":"x"})").get<core::edit::AttractionPatch>(),
               core::InputError);
}

TEST(EditMessages, ToursRequestAndAnswersRoundTrip) {
  const ToursRequest request{{{{{"a1", true}, {"a2", false}}, true}, {{{"a3", false}}, false}}};
  EXPECT_EQ(round_trip(request), request);
  try {
    (void)nlohmann::json::parse(R"({"tours":[{"stops":[]},{"stops":[{"id":"a"}]}]})")
        .get<ToursRequest>();
    FAIL() << "accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("tours[1].stops[0]"), std::string::npos) << e.what();
  }
  const AttractionEdited edited{2, sample_attraction(), {sample_tour()}};
  EXPECT_EQ(round_trip(edited), edited);
  const ToursEdited tours{2, {sample_tour()}, {"tour 1 is over its budget"}};
  EXPECT_EQ(round_trip(tours), tours);
}

TEST(EditMessages, ReplanRequestAndAnswerRoundTrip) {
  EXPECT_EQ(round_trip(ReplanRequest{}), ReplanRequest{});
  const ReplanRequest with_options{nlohmann::json::parse(R"({"tours":2})")};
  EXPECT_EQ(round_trip(with_options), with_options);
  EXPECT_THROW((void)nlohmann::json::parse(R"({"options":3})").get<ReplanRequest>(),
               core::InputError);
  EXPECT_THROW((void)nlohmann::json::parse(R"({"option":{}})").get<ReplanRequest>(),
               core::InputError);

  ReplanAnswer answer;
  answer.document = {sample_city(), sample_revision(), std::vector<std::string>{}};
  answer.replan.calls = 2;
  answer.replan.cost_usd = 0.01;
  answer.replan.call_budget = 200;
  answer.replan.stages = {{Stage::Distances, 0.1, 0, 0.0, ""}, {Stage::Legs, 0.4, 2, 0.01, ""}};
  answer.replan.external_calls = {
      {"routes", "computeRoutes", 200, 1, 0.2, "Routes", 0.005, ""},
      {"routes", "computeRoutes", 0, 2, 0.2, "Routes", 0.005, "timeout"}};
  EXPECT_EQ(round_trip(answer), answer);
  const nlohmann::json written = answer;
  EXPECT_EQ(written["replan"]["stages"][1]["stage"], "legs");
  EXPECT_FALSE(written["replan"]["external_calls"][0].contains("error"));
}

TEST(EditMessages, PublishRequestAndBothAnswersRoundTrip) {
  EXPECT_EQ(round_trip(PublishRequest{true}), PublishRequest{true});
  EXPECT_THROW((void)nlohmann::json::parse(R"({"dryrun":true})").get<PublishRequest>(),
               core::InputError);
  core::edit::RevisionChanges changes;
  changes.tours_before = 4;
  changes.tours_after = 3;
  changes.tours = {{1, "Ribeira", {"Sé"}, {"Bolsa"}, false, 170.0, 160.0}};
  changes.renamed = {"Torre -> Clérigos Tower"};
  const PublishAnswer preview{true, "", 0, 3, changes};
  EXPECT_EQ(round_trip(preview), preview);
  EXPECT_FALSE(nlohmann::json(preview).contains("city_id"));
  const PublishAnswer published{false, sample_city().id, 3, 0, changes};
  EXPECT_EQ(round_trip(published), published);
  EXPECT_EQ(nlohmann::json(published)["changes"]["any"], true);
}

}  // namespace
