#include <gtest/gtest.h>

#include "shared/errors.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"
#include "tests/core/json/samples.h"

namespace {

using namespace core::model;
using narrando::testing::sample_attraction;
using narrando::testing::sample_tour;

template <class T>
T round_trip(const T& value) {
  const std::string text = nlohmann::json(value).dump();
  return nlohmann::json::parse(text).get<T>();
}

TEST(ModelJson, AttractionRoundTripsWithEditorFields) {
  const Attraction a = sample_attraction();
  EXPECT_EQ(round_trip(a), a);
}

TEST(ModelJson, CandidateRoundTripsWithSourceTagsAndOutline) {
  // A candidate as a run trace keeps it: the filter's inputs must survive a replay.
  Attraction a = sample_attraction();
  a.tags = {{"building", "yes"}, {"man_made", "campanile"}, {"name:en", "Clerics Tower"}};
  a.within = "osm:relation/3046626";
  const nlohmann::json j = a;
  EXPECT_EQ(j["tags"]["name:en"], "Clerics Tower");
  EXPECT_EQ(j["within"], "osm:relation/3046626");
  EXPECT_EQ(round_trip(a), a);
  EXPECT_FALSE(nlohmann::json(sample_attraction()).contains("tags")) << "no tags, no member";
}

TEST(ModelJson, SourceTagsMustBeStrings) {
  nlohmann::json j = sample_attraction();
  j["tags"] = {{"height", 75}};
  try {
    (void)j.get<Attraction>();
    FAIL() << "a number tag was accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("attraction.tags.height"), std::string::npos) << e.what();
  }
}

TEST(ModelJson, AttractionCarriesEffectiveValuesForReaders) {
  const nlohmann::json j = sample_attraction();
  EXPECT_EQ(j["effective"]["name"], "Clérigos Tower");
  EXPECT_EQ(j["effective"]["included"], false);
  EXPECT_EQ(j["effective"]["visit_minutes"], 25);
}

TEST(ModelJson, TourRoundTripsWithLegsAndOptionalEnds) {
  const Tour t = sample_tour();
  EXPECT_EQ(round_trip(t), t);
  EXPECT_DOUBLE_EQ(t.walk_distance_m, 420.5);
  EXPECT_EQ(t.visit_minutes, 25);
  EXPECT_DOUBLE_EQ(t.interest, 95.5);
}

TEST(ModelJson, CityRevisionJobAndTraceRoundTrip) {
  City city;
  city.id = "35ebada7-f4e5-41f5-8dd0-03c72ee0dc38";
  city.place_id = "geonames:2735943";
  city.name = "Porto";
  city.country_code = "PT";
  city.centre = {41.14961, -8.61099};
  city.viewport = {{41.12, -8.63}, {41.16, -8.58}};
  city.source = core::model::PlaceSource::Google;
  city.published_revision = 1;
  EXPECT_EQ(round_trip(city), city);

  Revision revision;
  revision.city_id = city.id;
  revision.number = 3;
  revision.status = RevisionStatus::Superseded;
  revision.origin = core::model::RevisionOrigin::Edit;
  revision.options.tours = 2;
  revision.options.start = GeoPoint{41.0, -8.0};
  revision.options.max_leg_m = 900;
  revision.options.tour_radius_m = 2500;
  revision.options.step_free = true;
  revision.attractions = {sample_attraction()};
  revision.tours = {sample_tour()};
  EXPECT_EQ(round_trip(revision), revision);

  Job job;
  job.id = "job-1";
  job.place_id = city.place_id;
  job.status = JobStatus::Failed;
  job.stage = core::model::Stage::Filter;
  job.progress = 0.5;
  job.attempts = 2;
  job.error = JobError{"upstream_error", "llm 503", core::model::Stage::Filter};
  job.result = JobResult{city.id, 3, 4, true};
  job.stages = {{core::model::Stage::City, 0.01, 1, 0.017, "note"}};
  job.idempotency_key = "key";
  EXPECT_EQ(round_trip(job), job);

  RunTrace trace;
  trace.job_id = job.id;
  trace.place_id = city.place_id;
  trace.city = city;
  trace.candidates = {sample_attraction()};
  trace.decisions = trace.candidates;
  trace.planned = {sample_tour()};
  trace.tours = trace.planned;
  trace.stages = {{core::model::Stage::Plan, 0.2, 0, 0.0, "4 tours"}};
  trace.places_source = core::model::PlaceSource::Google;
  trace.settings = {{"places", "google"}, {"routes_policy", "legs"}};
  trace.calls = {{"places",
                  "searchText",
                  "POST",
                  "/v1/places:searchText",
                  "{}",
                  200,
                  "{\"places\":[]}",
                  0.3,
                  "Pro",
                  0.032,
                  1,
                  ""}};
  EXPECT_EQ(round_trip(trace), trace);

  // A replan is a run of its own kind; a job or trace written before replans were runs is a
  // generation.
  job.origin = core::model::RevisionOrigin::Replan;
  trace.origin = core::model::RevisionOrigin::Replan;
  trace.base_revision = 2;
  EXPECT_EQ(round_trip(job), job);
  EXPECT_EQ(round_trip(trace), trace);
  EXPECT_EQ(nlohmann::json(trace)["origin"], "replan");
  nlohmann::json older = trace;
  older.erase("origin");
  older.erase("base_revision");
  EXPECT_EQ(older.get<RunTrace>().origin, core::model::RevisionOrigin::Generation);
  nlohmann::json older_job = job;
  older_job.erase("origin");
  EXPECT_EQ(older_job.get<Job>().origin, core::model::RevisionOrigin::Generation);
}

TEST(ModelJson, NamesAreTheNameTablesAndUnknownNamesAreRefusedWithThePath) {
  Job job;
  job.id = "job-1";
  job.place_id = "geonames:1";
  job.status = JobStatus::Running;
  job.stage = core::model::Stage::Distances;
  const nlohmann::json written = job;
  EXPECT_EQ(written["status"], "running");
  EXPECT_EQ(written["stage"], "distances");
  nlohmann::json unknown = written;
  unknown["status"] = "paused";
  try {
    (void)unknown.get<Job>();
    FAIL() << "an unknown status was read";
  } catch (const core::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "job.status must be one of \"queued\", \"running\", \"succeeded\", \"failed\", "
                 "got \"paused\"");
  }
  nlohmann::json attraction = sample_attraction();
  attraction["decided_by"] = "Editor";  // names are exact, case included
  EXPECT_THROW((void)attraction.get<core::model::Attraction>(), core::InputError);
}

TEST(ModelJson, AJobBeforeItsFirstStageHasAnEmptyStage) {
  Job queued;
  queued.id = "job-1";
  queued.place_id = "geonames:1";
  const nlohmann::json written = queued;
  EXPECT_EQ(written["stage"], "");
  EXPECT_EQ(written.get<Job>().stage, std::nullopt);
  JobError lost{"worker_lost", "stopped", std::nullopt};
  EXPECT_EQ(nlohmann::json(lost)["stage"], "");
  EXPECT_EQ(nlohmann::json(lost).get<JobError>(), lost);
}

TEST(ModelJson, OneStageRecordForJobsTracesAndReplansReadingOldTraces) {
  const core::model::StageRecord record{core::model::Stage::Legs, 1.5, 4, 0.02, "4 routes"};
  const nlohmann::json written = record;
  EXPECT_EQ(written["stage"], "legs");
  EXPECT_EQ(written.get<core::model::StageRecord>(), record);
  // Traces recorded before the two stage types became one called the stage "name".
  const nlohmann::json old{
      {"name", "legs"}, {"seconds", 1.5}, {"calls", 4}, {"cost_usd", 0.02}, {"note", "4 routes"}};
  EXPECT_EQ(old.get<core::model::StageRecord>(), record);
  EXPECT_THROW((void)nlohmann::json({{"name", "enrich"}}).get<core::model::StageRecord>(),
               core::InputError);
}

TEST(GenerationOptionsJson, RejectsUnknownFieldsAndWrongTypesWithThePath) {
  const auto message_for = [](const char* text) {
    try {
      core::json::parse_generation_options(nlohmann::json::parse(text), "options");
    } catch (const core::InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message_for(R"({"tours": "four"})"), "options.tours must be an integer");
  EXPECT_EQ(message_for(R"({"tours": 4.5})"), "options.tours must be an integer");
  EXPECT_EQ(message_for(R"({"tour": 4})"), "unknown field options.tour");
  EXPECT_EQ(message_for(R"({"tours": 40})"), "options.tours must be between 1 and 12");
  EXPECT_EQ(message_for(R"({"start": {"lat": 91, "lon": 0}})"),
            "options.start must have lat in [-90, 90] and lon in [-180, 180]");
  EXPECT_EQ(message_for(R"({"start": {"lat": 41}})"), "options.start.lon is required");
  EXPECT_EQ(message_for(R"({"language": "english!"})"),
            "options.language must be a language tag such as \"en\" or \"pt-BR\"");
  EXPECT_EQ(message_for(R"({"max_leg_m": 50})"), "options.max_leg_m must be between 200 and 10000");
  EXPECT_EQ(message_for(R"({"tour_radius_m": 30000})"),
            "options.tour_radius_m must be between 200 and 20000");
  EXPECT_EQ(message_for(R"({"step_free": "yes"})"), "options.step_free must be true or false");
  EXPECT_EQ(message_for(R"({"tours": 4.0, "language": "pt-BR", "seed": 7})"), "accepted");
}

TEST(GenerationOptionsJson, NullMeansDefaults) {
  EXPECT_EQ(core::json::parse_generation_options(nlohmann::json(), "options"), GenerationOptions{});
}

TEST(ParseJson, MalformedTextIsAnInputErrorWithPosition) {
  try {
    core::json::parse_json("{\"place_id\": ");
    FAIL() << "accepted malformed JSON";
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.code(), "invalid_json");
    EXPECT_NE(std::string(e.what()).find("byte"), std::string::npos);
  }
}

}  // namespace
