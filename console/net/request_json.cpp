#include "console/net/request_json.h"

#include "shared/json/documents.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

#include <optional>
#include <string>

namespace console::net {
namespace {

template <class T>
void put(nlohmann::json& body, const char* key, const core::edit::Patch<T>& field) {
  if (!field) return;
  if (*field) {
    body[key] = **field;
  } else {
    body[key] = nullptr;
  }
}

core::edit::TourChange parse_tour_change(const nlohmann::json& value, const std::string& path) {
  core::edit::TourChange change;
  core::json::ObjectReader reader(value, path, false);
  reader.optional("index", change.index);
  reader.optional("title", change.title);
  reader.optional("added", change.added);
  reader.optional("removed", change.removed);
  reader.optional("reordered", change.reordered);
  reader.optional("minutes_before", change.minutes_before);
  reader.optional("minutes_after", change.minutes_after);
  return change;
}

// The server lists a place whose first generation is running with a null city id.
bool is_pending_place(const nlohmann::json& item) {
  const auto id = item.find("id");
  return item.is_object() && (id == item.end() || id->is_null());
}

// A string member that may be missing or null ("").
std::string optional_text(core::json::ObjectReader& reader, const char* key) {
  std::optional<std::string> value;
  reader.optional(key, value);
  return value.value_or("");
}

}  // namespace

nlohmann::json attraction_patch_json(const core::edit::AttractionPatch& patch) {
  nlohmann::json body = nlohmann::json::object();
  put(body, "included", patch.included);
  put(body, "name", patch.name);
  put(body, "description", patch.description);
  put(body, "visit_minutes", patch.visit_minutes);
  put(body, "interest_score", patch.interest_score);
  put(body, "locked_tour", patch.locked_tour);
  return body;
}

nlohmann::json tour_edits_json(const std::vector<core::edit::TourEdit>& tours) {
  nlohmann::json list = nlohmann::json::array();
  for (const core::edit::TourEdit& tour : tours) {
    nlohmann::json stops = nlohmann::json::array();
    for (const core::edit::TourEdit::Stop& stop : tour.stops) {
      stops.push_back({{"attraction_id", stop.attraction_id}, {"locked", stop.locked}});
    }
    list.push_back({{"stops", std::move(stops)}, {"order_locked", tour.order_locked}});
  }
  return {{"tours", std::move(list)}};
}

std::vector<state::CitySummary> parse_city_list(const nlohmann::json& answer, bool& editor) {
  std::vector<state::CitySummary> cities;
  const auto list = answer.find("cities");
  if (list == answer.end() || !list->is_array()) core::json::read_value_type_error("cities", "an array");
  editor = true;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const nlohmann::json& item = (*list)[i];
    core::json::ObjectReader reader(item, core::json::element_path("cities", i), false);
    state::CitySummary summary;
    if (is_pending_place(item)) {
      // A place generated for the first time: {"id": null, "place_id", "status", "job_id"}.
      reader.required("place_id", summary.city.place_id);
      reader.optional("name", summary.city.name);
      reader.optional("country_code", summary.city.country_code);
      summary.status = core::model::CityStatus::Generating;
    } else {
      summary.city = item.get<core::model::City>();
    }
    reader.optional("status", summary.status);
    summary.job_id = optional_text(reader, "job_id");
    summary.published_at = optional_text(reader, "published_at");
    if (!item.contains("status")) editor = false;
    cities.push_back(std::move(summary));
  }
  return cities;
}

state::CityReply parse_city_reply(const nlohmann::json& document) {
  state::CityReply reply;
  core::json::parse_city_document(document, reply.city, reply.revision);
  if (const auto it = document.find("warnings"); it != document.end()) {
    core::json::read_value(*it, reply.warnings, "warnings");
  }
  return reply;
}

core::edit::RevisionChanges parse_revision_changes(const nlohmann::json& changes) {
  core::edit::RevisionChanges out;
  core::json::ObjectReader reader(changes, "changes", false);
  reader.optional("tours_before", out.tours_before);
  reader.optional("tours_after", out.tours_after);
  reader.optional("newly_included", out.newly_included);
  reader.optional("newly_excluded", out.newly_excluded);
  reader.optional("renamed", out.renamed);
  if (const auto it = changes.find("tours"); it != changes.end()) {
    if (!it->is_array()) core::json::read_value_type_error("changes.tours", "an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
      out.tours.push_back(parse_tour_change((*it)[i], "changes.tours[" + std::to_string(i) + "]"));
    }
  }
  return out;
}

}  // namespace console::net
