#include "shared/json/service_messages.h"

#include "shared/json/json_reader.h"

namespace core::json {

void to_json(nlohmann::json& j, const ErrorAnswer& value) {
  j = {{"success", false}, {"error", {{"code", value.code}, {"message", value.message}}}};
  if (!value.job_id.empty()) j["job_id"] = value.job_id;
}

void from_json(const nlohmann::json& j, ErrorAnswer& value) {
  value = ErrorAnswer{};
  ObjectReader reader(j, "", false);
  nlohmann::json error;
  reader.required("error", error);
  ObjectReader error_reader(error, "error", false);
  error_reader.required("code", value.code);
  error_reader.required("message", value.message);
  reader.optional("job_id", value.job_id);
}

void to_json(nlohmann::json& j, const HealthAnswer& value) {
  j = {{"status", value.status}};
}

void from_json(const nlohmann::json& j, HealthAnswer& value) {
  ObjectReader reader(j, "", false);
  reader.required("status", value.status);
}

void to_json(nlohmann::json& j, const ReadyAnswer& value) {
  j = {{"status", value.status}, {"store", value.store}};
}

void from_json(const nlohmann::json& j, ReadyAnswer& value) {
  ObjectReader reader(j, "", false);
  reader.required("status", value.status);
  reader.optional("store", value.store);
}

nlohmann::json error_document(const std::string& code, const std::string& message) {
  return ErrorAnswer{code, message, ""};
}

}  // namespace core::json
