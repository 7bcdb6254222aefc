#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace core::model {
namespace {

template <class T>
void read_list(const nlohmann::json& j, const char* key, std::vector<T>& out) {
  if (const auto it = j.find(key); it != j.end() && !it->is_null()) out = it->get<std::vector<T>>();
}

// A job's current stage and a failure's stage: "" while none has started.
nlohmann::json stage_or_empty(const std::optional<Stage>& stage) {
  return stage ? to_string(*stage) : "";
}

void read_stage_or_empty(json::ObjectReader& reader, const char* key, std::optional<Stage>& out) {
  std::string name;
  reader.optional(key, name);
  out = name.empty() ? std::nullopt : std::optional<Stage>(parse_enum<Stage>(name, key));
}

}  // namespace

void to_json(nlohmann::json& j, const JobError& value) {
  j = nlohmann::json{
      {"code", value.code}, {"message", value.message}, {"stage", stage_or_empty(value.stage)}};
}

void from_json(const nlohmann::json& j, JobError& value) {
  value = JobError{};
  json::ObjectReader reader(j, "error", false);
  reader.required("code", value.code);
  reader.required("message", value.message);
  read_stage_or_empty(reader, "stage", value.stage);
}

void to_json(nlohmann::json& j, const JobResult& value) {
  j = nlohmann::json{{"city_id", value.city_id},
                     {"revision", value.revision},
                     {"tours", value.tours},
                     {"published", value.published}};
}

void from_json(const nlohmann::json& j, JobResult& value) {
  value = JobResult{};
  json::ObjectReader reader(j, "result", false);
  reader.required("city_id", value.city_id);
  reader.required("revision", value.revision);
  reader.required("tours", value.tours);
  reader.optional("published", value.published);
}

void to_json(nlohmann::json& j, const Job& value) {
  j = nlohmann::json{{"id", value.id},
                     {"place_id", value.place_id},
                     {"options", value.options},
                     {"origin", value.origin},
                     {"status", value.status},
                     {"stage", stage_or_empty(value.stage)},
                     {"progress", value.progress},
                     {"attempts", value.attempts},
                     {"error", json::optional_json(value.error)},
                     {"result", json::optional_json(value.result)},
                     {"stages", value.stages},
                     {"idempotency_key", value.idempotency_key},
                     {"created_at", value.created_at},
                     {"started_at", value.started_at},
                     {"finished_at", value.finished_at}};
}

void from_json(const nlohmann::json& j, Job& value) {
  value = Job{};
  json::ObjectReader reader(j, "job", false);
  reader.required("id", value.id);
  reader.required("place_id", value.place_id);
  if (const auto it = j.find("options"); it != j.end())
    value.options = it->get<GenerationOptions>();
  reader.optional("origin", value.origin);  // absent before replans were runs: a generation
  reader.required("status", value.status);
  read_stage_or_empty(reader, "stage", value.stage);
  reader.optional("progress", value.progress);
  reader.optional("attempts", value.attempts);
  if (const auto it = j.find("error"); it != j.end() && !it->is_null())
    value.error = it->get<JobError>();
  if (const auto it = j.find("result"); it != j.end() && !it->is_null())
    value.result = it->get<JobResult>();
  read_list(j, "stages", value.stages);
  reader.optional("idempotency_key", value.idempotency_key);
  reader.optional("created_at", value.created_at);
  reader.optional("started_at", value.started_at);
  reader.optional("finished_at", value.finished_at);
}

void to_json(nlohmann::json& j, const ExternalCall& value) {
  j = nlohmann::json{{"service", value.service},
                     {"operation", value.operation},
                     {"method", value.method},
                     {"path", value.path},
                     {"request_body", value.request_body},
                     {"status", value.status},
                     {"response_body", value.response_body},
                     {"seconds", value.seconds},
                     {"sku", value.sku},
                     {"cost_usd", value.cost_usd},
                     {"attempt", value.attempt},
                     {"error", value.error},
                     {"cached", value.cached}};
}

void from_json(const nlohmann::json& j, ExternalCall& value) {
  value = ExternalCall{};
  json::ObjectReader reader(j, "call", false);
  reader.required("service", value.service);
  reader.required("operation", value.operation);
  reader.optional("method", value.method);
  reader.optional("path", value.path);
  reader.optional("request_body", value.request_body);
  reader.optional("status", value.status);
  reader.optional("response_body", value.response_body);
  reader.optional("seconds", value.seconds);
  reader.optional("sku", value.sku);
  reader.optional("cost_usd", value.cost_usd);
  reader.optional("attempt", value.attempt);
  reader.optional("error", value.error);
  reader.optional("cached", value.cached);
}

void to_json(nlohmann::json& j, const StageRecord& value) {
  j = nlohmann::json{{"stage", value.stage},
                     {"seconds", value.seconds},
                     {"calls", value.calls},
                     {"cost_usd", value.cost_usd},
                     {"note", value.note}};
}

void from_json(const nlohmann::json& j, StageRecord& value) {
  value = StageRecord{};
  json::ObjectReader reader(j, "stage", false);
  // Run traces written before one stage-record type named the stage "name".
  if (!j.contains("stage") && j.contains("name")) {
    reader.required("name", value.stage);
  } else {
    reader.required("stage", value.stage);
  }
  reader.optional("seconds", value.seconds);
  reader.optional("calls", value.calls);
  reader.optional("cost_usd", value.cost_usd);
  reader.optional("note", value.note);
}

void to_json(nlohmann::json& j, const RunTrace& value) {
  j = nlohmann::json{{"version", value.version},
                     {"job_id", value.job_id},
                     {"place_id", value.place_id},
                     {"origin", value.origin},
                     {"base_revision", value.base_revision},
                     {"options", value.options},
                     {"places_source", value.places_source},
                     {"filter_used", value.filter_used},
                     {"distance_policy", value.distance_policy},
                     {"settings", value.settings},
                     {"stages", value.stages},
                     {"editor_input", value.editor_input},
                     {"locked_tours", value.locked_tours},
                     {"city", value.city},
                     {"candidates", value.candidates},
                     {"decisions", value.decisions},
                     {"planned", value.planned},
                     {"tours", value.tours},
                     {"calls", value.calls}};
}

void from_json(const nlohmann::json& j, RunTrace& value) {
  value = RunTrace{};
  json::ObjectReader reader(j, "trace", false);
  reader.optional("version", value.version);
  reader.optional("job_id", value.job_id);
  reader.required("place_id", value.place_id);
  reader.optional("origin", value.origin);  // absent in traces recorded before replans had any
  reader.optional("base_revision", value.base_revision);
  if (const auto it = j.find("options"); it != j.end())
    value.options = it->get<GenerationOptions>();
  reader.optional("places_source", value.places_source);
  reader.optional("filter_used", value.filter_used);
  reader.optional("distance_policy", value.distance_policy);
  if (const auto it = j.find("settings"); it != j.end() && it->is_object()) {
    value.settings = it->get<std::map<std::string, std::string>>();
  }
  read_list(j, "stages", value.stages);
  read_list(j, "editor_input", value.editor_input);
  read_list(j, "locked_tours", value.locked_tours);
  if (const auto it = j.find("city"); it != j.end()) value.city = it->get<City>();
  read_list(j, "candidates", value.candidates);
  read_list(j, "decisions", value.decisions);
  read_list(j, "planned", value.planned);
  read_list(j, "tours", value.tours);
  read_list(j, "calls", value.calls);
}

}  // namespace core::model
