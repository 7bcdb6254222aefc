#include "shared/errors.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace core::model {

void to_json(nlohmann::json& j, const EditorFields& value) {
  j = nlohmann::json{{"included", json::optional_json(value.included)},
                     {"name", json::optional_json(value.name)},
                     {"description", json::optional_json(value.description)},
                     {"visit_minutes", json::optional_json(value.visit_minutes)},
                     {"interest_score", json::optional_json(value.interest_score)},
                     {"locked_tour", json::optional_json(value.locked_tour)}};
}

void from_json(const nlohmann::json& j, EditorFields& value) {
  value = EditorFields{};
  json::ObjectReader reader(j, "editor", false);
  reader.optional("included", value.included);
  reader.optional("name", value.name);
  reader.optional("description", value.description);
  reader.optional("visit_minutes", value.visit_minutes);
  reader.optional("interest_score", value.interest_score);
  reader.optional("locked_tour", value.locked_tour);
}

void to_json(nlohmann::json& j, const Attraction& value) {
  // Empty and default members are left out: a city document lists every candidate, and on a
  // phone every byte counts. from_json restores the defaults.
  j = nlohmann::json{{"id", value.id},
                     {"source_id", value.source_id},
                     {"name", value.name},
                     {"location", value.location},
                     {"types", value.types},
                     {"interest_score", value.interest_score},
                     {"visit_minutes", value.visit_minutes},
                     {"included", value.included},
                     {"reason", value.reason},
                     {"decided_by", value.decided_by}};
  if (value.rating) j["rating"] = *value.rating;
  if (value.rating_count != 0) j["rating_count"] = value.rating_count;
  if (!value.summary.empty()) j["summary"] = value.summary;
  if (!value.wikidata.empty()) j["wikidata"] = value.wikidata;
  if (!value.wikipedia.empty()) j["wikipedia"] = value.wikipedia;
  if (value.name_variants != 0) j["name_variants"] = value.name_variants;
  if (!value.tags.empty()) j["tags"] = value.tags;
  if (!value.within.empty()) j["within"] = value.within;
  if (value.editor == EditorFields{}) return;
  j["editor"] = value.editor;
  // What the app and the planner use once the editor's overrides apply (read-only).
  j["effective"] = {{"included", effective_included(value)},
                    {"name", effective_name(value)},
                    {"description", effective_description(value)},
                    {"visit_minutes", effective_visit_minutes(value)},
                    {"interest_score", effective_score(value)}};
}

void from_json(const nlohmann::json& j, Attraction& value) {
  value = Attraction{};
  json::ObjectReader reader(j, "attraction", false);
  reader.required("id", value.id);
  reader.optional("source_id", value.source_id);
  reader.required("name", value.name);
  reader.required("location", value.location);
  reader.optional("types", value.types);
  reader.optional("rating", value.rating);
  reader.optional("rating_count", value.rating_count);
  reader.optional("summary", value.summary);
  reader.optional("wikidata", value.wikidata);
  reader.optional("wikipedia", value.wikipedia);
  reader.optional("name_variants", value.name_variants);
  reader.optional("tags", value.tags);
  reader.optional("within", value.within);
  reader.optional("interest_score", value.interest_score);
  reader.optional("visit_minutes", value.visit_minutes);
  reader.optional("included", value.included);
  reader.optional("reason", value.reason);
  reader.optional("decided_by", value.decided_by);
  if (const auto it = j.find("editor"); it != j.end() && !it->is_null())
    value.editor = it->get<EditorFields>();
}

void to_json(nlohmann::json& j, const TourStop& value) {
  j = nlohmann::json{{"attraction_id", value.attraction_id},
                     {"name", value.name},
                     {"location", value.location},
                     {"visit_minutes", value.visit_minutes},
                     {"interest_score", value.interest_score}};
  if (value.locked) j["locked"] = true;
}

void from_json(const nlohmann::json& j, TourStop& value) {
  value = TourStop{};
  json::ObjectReader reader(j, "stop", false);
  reader.required("attraction_id", value.attraction_id);
  reader.optional("name", value.name);
  reader.optional("location", value.location);
  reader.optional("visit_minutes", value.visit_minutes);
  reader.optional("interest_score", value.interest_score);
  reader.optional("locked", value.locked);
}

void to_json(nlohmann::json& j, const TourLeg& value) {
  j = nlohmann::json{{"distance_m", value.distance_m},
                     {"walk_minutes", value.walk_minutes},
                     {"polyline", value.polyline}};
}

void from_json(const nlohmann::json& j, TourLeg& value) {
  value = TourLeg{};
  json::ObjectReader reader(j, "leg", false);
  reader.required("distance_m", value.distance_m);
  reader.required("walk_minutes", value.walk_minutes);
  reader.optional("polyline", value.polyline);
}

void to_json(nlohmann::json& j, const Tour& value) {
  j = nlohmann::json{{"index", value.index},
                     {"title", value.title},
                     {"start", json::optional_json(value.start)},
                     {"end", json::optional_json(value.end)},
                     {"stops", value.stops},
                     {"legs", value.legs},
                     {"walk_distance_m", value.walk_distance_m},
                     {"walk_minutes", value.walk_minutes},
                     {"visit_minutes", value.visit_minutes},
                     {"total_minutes", value.total_minutes},
                     {"budget_minutes", value.budget_minutes},
                     {"interest", value.interest},
                     {"order_locked", value.order_locked}};
}

void from_json(const nlohmann::json& j, Tour& value) {
  value = Tour{};
  json::ObjectReader reader(j, "tour", false);
  reader.optional("index", value.index);
  reader.optional("title", value.title);
  reader.optional("start", value.start);
  reader.optional("end", value.end);
  if (const auto it = j.find("stops"); it != j.end())
    value.stops = it->get<std::vector<TourStop>>();
  if (const auto it = j.find("legs"); it != j.end()) value.legs = it->get<std::vector<TourLeg>>();
  reader.optional("walk_distance_m", value.walk_distance_m);
  reader.optional("walk_minutes", value.walk_minutes);
  reader.optional("visit_minutes", value.visit_minutes);
  reader.optional("total_minutes", value.total_minutes);
  reader.optional("budget_minutes", value.budget_minutes);
  reader.optional("interest", value.interest);
  reader.optional("order_locked", value.order_locked);
}

}  // namespace core::model
