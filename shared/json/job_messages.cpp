#include "shared/json/job_messages.h"

#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace core::json {

void to_json(nlohmann::json& j, const GenerateRequest& value) {
  j = {{"place_id", value.place_id}};
  if (value.options != model::GenerationOptions{}) j["options"] = value.options;
}

void from_json(const nlohmann::json& j, GenerateRequest& value) {
  value = GenerateRequest{};
  ObjectReader reader(j, "", true);
  reader.required("place_id", value.place_id);
  nlohmann::json options;
  reader.optional("options", options);
  reader.finish();
  value.options = parse_generation_options(options, "options");
}

void to_json(nlohmann::json& j, const GenerateAnswer& value) {
  j = {{"success", true},
       {"city_id", value.city_id},
       {"tours", value.tours},
       {"revision", value.revision},
       {"published", value.published}};
  if (!value.job_id.empty()) {
    j["job_id"] = value.job_id;
    j["joined"] = value.joined;
  }
  if (value.existing) j["existing"] = true;
}

void from_json(const nlohmann::json& j, GenerateAnswer& value) {
  value = GenerateAnswer{};
  ObjectReader reader(j, "", false);
  reader.required("city_id", value.city_id);
  reader.required("tours", value.tours);
  reader.optional("job_id", value.job_id);
  reader.optional("revision", value.revision);
  reader.optional("published", value.published);
  reader.optional("existing", value.existing);
  reader.optional("joined", value.joined);
}

std::string job_status_url(const std::string& job_id) {
  return "/api/jobs/" + job_id;
}

void to_json(nlohmann::json& j, const JobAccepted& value) {
  j = {{"success", true},
       {"job_id", value.job_id},
       {"status", value.status},
       {"status_url", job_status_url(value.job_id)},
       {"joined", value.joined}};
}

void from_json(const nlohmann::json& j, JobAccepted& value) {
  value = JobAccepted{};
  ObjectReader reader(j, "", false);
  reader.required("job_id", value.job_id);
  reader.required("status", value.status);
  reader.optional("joined", value.joined);
  reader.ignore("status_url");  // derived from the id
}

void to_json(nlohmann::json& j, const JobAnswer& value) {
  j = value.job;
  j["success"] = true;
  j["status_url"] = job_status_url(value.job.id);
}

void from_json(const nlohmann::json& j, JobAnswer& value) {
  value.job = j.get<model::Job>();
}

}  // namespace core::json
