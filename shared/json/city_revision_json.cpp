#include "shared/errors.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace core::model {

void to_json(nlohmann::json& j, const City& value) {
  j = nlohmann::json{{"id", value.id},
                     {"place_id", value.place_id},
                     {"name", value.name},
                     {"country_code", value.country_code},
                     {"centre", value.centre},
                     {"viewport", value.viewport},
                     {"source", value.source},
                     {"note", value.note},
                     {"published_revision", json::optional_json(value.published_revision)},
                     {"draft_revision", json::optional_json(value.draft_revision)},
                     {"created_at", value.created_at},
                     {"updated_at", value.updated_at}};
}

void from_json(const nlohmann::json& j, City& value) {
  value = City{};
  json::ObjectReader reader(j, "city", false);
  reader.optional("id", value.id);
  reader.required("place_id", value.place_id);
  reader.required("name", value.name);
  reader.optional("country_code", value.country_code);
  reader.required("centre", value.centre);
  reader.optional("viewport", value.viewport);
  reader.optional("source", value.source);
  reader.optional("note", value.note);
  reader.optional("published_revision", value.published_revision);
  reader.optional("draft_revision", value.draft_revision);
  reader.optional("created_at", value.created_at);
  reader.optional("updated_at", value.updated_at);
}

void to_json(nlohmann::json& j, const Revision& value) {
  j = nlohmann::json{{"city_id", value.city_id},
                     {"number", value.number},
                     {"status", value.status},
                     {"origin", value.origin},
                     {"job_id", value.job_id},
                     {"created_at", value.created_at},
                     {"published_at", value.published_at},
                     {"options", value.options},
                     {"attractions", value.attractions},
                     {"tours", value.tours}};
}

void from_json(const nlohmann::json& j, Revision& value) {
  value = Revision{};
  json::ObjectReader reader(j, "revision", false);
  reader.optional("city_id", value.city_id);
  reader.required("number", value.number);
  reader.optional("status", value.status);
  reader.optional("origin", value.origin);
  reader.optional("job_id", value.job_id);
  reader.optional("created_at", value.created_at);
  reader.optional("published_at", value.published_at);
  if (const auto it = j.find("options"); it != j.end())
    value.options = it->get<GenerationOptions>();
  if (const auto it = j.find("attractions"); it != j.end()) {
    value.attractions = it->get<std::vector<Attraction>>();
  }
  if (const auto it = j.find("tours"); it != j.end()) value.tours = it->get<std::vector<Tour>>();
}

}  // namespace core::model
