#include "shared/json/city_messages.h"

#include "shared/errors.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace core::json {
namespace {

// Every answer of the API says so first.
template <class T>
nlohmann::json answer(const char* key, const T& value) {
  return {{"success", true}, {key, value}};
}

}  // namespace

void to_json(nlohmann::json& j, const CityListItem& value) {
  if (value.pending()) {
    j = {{"id", nullptr},
         {"place_id", value.city.place_id},
         {"status", value.status.value_or(model::CityStatus::Generating)},
         {"job_id", value.job_id},
         {"job_status", value.job_status.value_or(model::JobStatus::Queued)},
         {"stage", value.stage ? to_string(*value.stage) : ""},
         {"progress", value.progress}};
    if (!value.city.name.empty()) j["name"] = value.city.name;
    return;
  }
  j = value.city;
  if (value.app_view) j.erase("draft_revision");
  if (value.status) j["status"] = *value.status;
}

void from_json(const nlohmann::json& j, CityListItem& value) {
  value = CityListItem{};
  ObjectReader reader(j, "city", false);
  reader.optional("status", value.status);
  const auto id = j.find("id");
  if (id != j.end() && !id->is_null()) {
    value.city = j.get<model::City>();
    value.app_view = !j.contains("draft_revision");
    return;
  }
  reader.required("place_id", value.city.place_id);
  reader.optional("name", value.city.name);
  reader.optional("country_code", value.city.country_code);
  reader.optional("job_id", value.job_id);
  reader.optional("job_status", value.job_status);
  std::string stage;
  reader.optional("stage", stage);
  if (!stage.empty()) value.stage = model::parse_enum<model::Stage>(stage, "city.stage");
  reader.optional("progress", value.progress);
}

void to_json(nlohmann::json& j, const CityList& value) {
  j = answer("cities", value.cities);
}

void from_json(const nlohmann::json& j, CityList& value) {
  ObjectReader reader(j, "", false);
  reader.required("cities", value.cities);
}

void to_json(nlohmann::json& j, const CityDocument& value) {
  nlohmann::json header = value.revision;
  header.erase("attractions");
  header.erase("tours");
  j = {{"success", true},
       {"city", value.city},
       {"revision", std::move(header)},
       {"attractions", value.revision.attractions},
       {"tours", value.revision.tours}};
  if (value.warnings) j["warnings"] = *value.warnings;
}

void from_json(const nlohmann::json& j, CityDocument& value) {
  if (!j.is_object() || !j.contains("city") || !j.contains("revision")) {
    throw InputError("not a city document: expected city and revision members");
  }
  value = CityDocument{};
  value.city = j.at("city").get<model::City>();
  nlohmann::json full = j.at("revision");
  full["attractions"] = j.value("attractions", nlohmann::json::array());
  full["tours"] = j.value("tours", nlohmann::json::array());
  value.revision = full.get<model::Revision>();
  ObjectReader reader(j, "", false);
  reader.optional("warnings", value.warnings);
}

RunSummary RunSummary::of(const model::Job& job) {
  RunSummary run;
  run.job_id = job.id;
  run.origin = job.origin;
  run.status = job.status;
  run.created_at = job.created_at;
  if (job.result) run.revision = job.result->revision;
  for (const model::StageRecord& stage : job.stages) {
    run.calls += stage.calls;
    run.cost_usd += stage.cost_usd;
  }
  return run;
}

void to_json(nlohmann::json& j, const RunSummary& value) {
  j = {{"job_id", value.job_id},
       {"origin", value.origin},
       {"status", value.status},
       {"created_at", value.created_at},
       {"revision", optional_json(value.revision)},
       {"calls", value.calls},
       {"cost_usd", value.cost_usd}};
}

void from_json(const nlohmann::json& j, RunSummary& value) {
  value = RunSummary{};
  ObjectReader reader(j, "run", false);
  reader.required("job_id", value.job_id);
  reader.required("origin", value.origin);
  reader.required("status", value.status);
  reader.optional("created_at", value.created_at);
  reader.optional("revision", value.revision);
  reader.optional("calls", value.calls);
  reader.optional("cost_usd", value.cost_usd);
}

void to_json(nlohmann::json& j, const RunList& value) {
  j = answer("runs", value.runs);
}

void from_json(const nlohmann::json& j, RunList& value) {
  ObjectReader reader(j, "", false);
  reader.required("runs", value.runs);
}

void to_json(nlohmann::json& j, const RunAnswer& value) {
  j = answer("run", value.run);
}

void from_json(const nlohmann::json& j, RunAnswer& value) {
  const auto run = j.find("run");
  if (!j.is_object() || run == j.end()) throw InputError("the run answer has no \"run\"");
  value.run = run->get<model::RunTrace>();
}

void to_json(nlohmann::json& j, const PlaceSummary& value) {
  j = {{"place_id", value.place_id},
       {"name", value.name},
       {"country_code", value.country_code},
       {"candidates", value.candidates},
       {"walking_network", value.walking_network}};
}

void from_json(const nlohmann::json& j, PlaceSummary& value) {
  value = PlaceSummary{};
  ObjectReader reader(j, "place", false);
  reader.required("place_id", value.place_id);
  reader.required("name", value.name);
  reader.optional("country_code", value.country_code);
  reader.optional("candidates", value.candidates);
  reader.optional("walking_network", value.walking_network);
}

void to_json(nlohmann::json& j, const PlaceList& value) {
  j = answer("places", value.places);
}

void from_json(const nlohmann::json& j, PlaceList& value) {
  ObjectReader reader(j, "", false);
  reader.required("places", value.places);
}

}  // namespace core::json
