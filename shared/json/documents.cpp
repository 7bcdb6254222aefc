#include "shared/json/documents.h"

#include "shared/errors.h"
#include "shared/json/model_json.h"

namespace core::json {

nlohmann::json city_document(const model::City& city, const model::Revision& revision) {
  nlohmann::json header = revision;
  header.erase("attractions");
  header.erase("tours");
  return {{"success", true},
          {"city", city},
          {"revision", std::move(header)},
          {"attractions", revision.attractions},
          {"tours", revision.tours}};
}

void parse_city_document(const nlohmann::json& document, model::City& city, model::Revision& revision) {
  if (!document.is_object() || !document.contains("city") || !document.contains("revision")) {
    throw InputError("not a city document: expected city and revision members");
  }
  city = document.at("city").get<model::City>();
  nlohmann::json full = document.at("revision");
  full["attractions"] = document.value("attractions", nlohmann::json::array());
  full["tours"] = document.value("tours", nlohmann::json::array());
  revision = full.get<model::Revision>();
}

nlohmann::json error_document(const std::string& code, const std::string& message) {
  return {{"success", false}, {"error", {{"code", code}, {"message", message}}}};
}

}  // namespace core::json
