#include "shared/json/edit_messages.h"

#include "shared/errors.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace core::edit {
namespace {

constexpr std::size_t kMaxTours = 12;

template <class T>
void put_patch(nlohmann::json& body, const char* key, const Patch<T>& field) {
  if (!field) return;
  body[key] = json::optional_json(*field);
}

template <class T>
void read_patch(const nlohmann::json& body, const char* key, Patch<T>& out, bool& any) {
  const auto it = body.find(key);
  if (it == body.end()) return;
  any = true;
  std::optional<T> value;
  json::read_value(*it, value, key);
  out = value;
}

TourEdit read_tour_edit(const nlohmann::json& tour, const std::string& path) {
  json::ObjectReader reader(tour, path, true);
  TourEdit edit;
  reader.optional("order_locked", edit.order_locked);
  reader.ignore("stops");
  reader.finish();
  const auto stops = tour.find("stops");
  if (stops == tour.end() || !stops->is_array()) throw InputError(path + ".stops must be an array");
  for (std::size_t s = 0; s < stops->size(); ++s) {
    json::ObjectReader stop_reader((*stops)[s], json::element_path(path + ".stops", s), true);
    TourEdit::Stop stop;
    stop_reader.required("attraction_id", stop.attraction_id);
    stop_reader.optional("locked", stop.locked);
    stop_reader.finish();
    edit.stops.push_back(std::move(stop));
  }
  return edit;
}

}  // namespace

void to_json(nlohmann::json& j, const AttractionPatch& value) {
  j = nlohmann::json::object();
  put_patch(j, "included", value.included);
  put_patch(j, "name", value.name);
  put_patch(j, "description", value.description);
  put_patch(j, "visit_minutes", value.visit_minutes);
  put_patch(j, "interest_score", value.interest_score);
  put_patch(j, "locked_tour", value.locked_tour);
}

void from_json(const nlohmann::json& j, AttractionPatch& value) {
  json::ObjectReader reader(j, "", true);
  for (const char* key :
       {"included", "name", "description", "visit_minutes", "interest_score", "locked_tour"}) {
    reader.ignore(key);
  }
  reader.finish();
  value = AttractionPatch{};
  bool any = false;
  read_patch(j, "included", value.included, any);
  read_patch(j, "name", value.name, any);
  read_patch(j, "description", value.description, any);
  read_patch(j, "visit_minutes", value.visit_minutes, any);
  read_patch(j, "interest_score", value.interest_score, any);
  read_patch(j, "locked_tour", value.locked_tour, any);
  if (!any) {
    throw InputError("nothing to change: send any of included, name, description, visit_minutes, "
                     "interest_score, locked_tour");
  }
}

void to_json(nlohmann::json& j, const TourEdit& value) {
  nlohmann::json stops = nlohmann::json::array();
  for (const TourEdit::Stop& stop : value.stops) {
    stops.push_back({{"attraction_id", stop.attraction_id}, {"locked", stop.locked}});
  }
  j = {{"stops", std::move(stops)}, {"order_locked", value.order_locked}};
}

void from_json(const nlohmann::json& j, TourEdit& value) {
  value = read_tour_edit(j, "tour");
}

void to_json(nlohmann::json& j, const TourChange& value) {
  j = nlohmann::json{{"index", value.index},
                     {"title", value.title},
                     {"added", value.added},
                     {"removed", value.removed},
                     {"reordered", value.reordered},
                     {"minutes_before", value.minutes_before},
                     {"minutes_after", value.minutes_after}};
}

void from_json(const nlohmann::json& j, TourChange& value) {
  value = TourChange{};
  json::ObjectReader reader(j, "change", false);
  reader.optional("index", value.index);
  reader.optional("title", value.title);
  reader.optional("added", value.added);
  reader.optional("removed", value.removed);
  reader.optional("reordered", value.reordered);
  reader.optional("minutes_before", value.minutes_before);
  reader.optional("minutes_after", value.minutes_after);
}

void to_json(nlohmann::json& j, const RevisionChanges& value) {
  j = nlohmann::json{{"tours_before", value.tours_before},
                     {"tours_after", value.tours_after},
                     {"tours", value.tours},
                     {"newly_included", value.newly_included},
                     {"newly_excluded", value.newly_excluded},
                     {"renamed", value.renamed},
                     {"any", value.any()}};
}

void from_json(const nlohmann::json& j, RevisionChanges& value) {
  value = RevisionChanges{};
  json::ObjectReader reader(j, "changes", false);
  reader.optional("tours_before", value.tours_before);
  reader.optional("tours_after", value.tours_after);
  reader.optional("tours", value.tours);
  reader.optional("newly_included", value.newly_included);
  reader.optional("newly_excluded", value.newly_excluded);
  reader.optional("renamed", value.renamed);
  reader.ignore("any");  // derived
}

}  // namespace core::edit

namespace core::json {

void to_json(nlohmann::json& j, const ToursRequest& value) {
  j = {{"tours", value.tours}};
}

void from_json(const nlohmann::json& j, ToursRequest& value) {
  ObjectReader reader(j, "", true);
  reader.ignore("tours");
  reader.finish();
  const auto tours = j.find("tours");
  if (tours == j.end()) throw InputError("tours is required");
  if (!tours->is_array()) throw InputError("tours must be an array");
  if (tours->size() > edit::kMaxTours) throw InputError("tours must hold at most 12 tours");
  value.tours.clear();
  for (std::size_t t = 0; t < tours->size(); ++t) {
    value.tours.push_back(edit::read_tour_edit((*tours)[t], element_path("tours", t)));
  }
}

void to_json(nlohmann::json& j, const AttractionEdited& value) {
  j = {{"success", true},
       {"revision", value.revision},
       {"attraction", value.attraction},
       {"tours", value.tours}};
}

void from_json(const nlohmann::json& j, AttractionEdited& value) {
  value = AttractionEdited{};
  ObjectReader reader(j, "", false);
  reader.required("revision", value.revision);
  reader.required("attraction", value.attraction);
  reader.optional("tours", value.tours);
}

void to_json(nlohmann::json& j, const ToursEdited& value) {
  j = {{"success", true},
       {"revision", value.revision},
       {"tours", value.tours},
       {"warnings", value.warnings}};
}

void from_json(const nlohmann::json& j, ToursEdited& value) {
  value = ToursEdited{};
  ObjectReader reader(j, "", false);
  reader.required("revision", value.revision);
  reader.optional("tours", value.tours);
  reader.optional("warnings", value.warnings);
}

void to_json(nlohmann::json& j, const ReplanRequest& value) {
  j = nlohmann::json::object();
  if (!value.options.is_null()) j["options"] = value.options;
}

void from_json(const nlohmann::json& j, ReplanRequest& value) {
  value = ReplanRequest{};
  ObjectReader reader(j, "", true);
  reader.optional("options", value.options);
  reader.finish();
  if (!value.options.is_null() && !value.options.is_object())
    read_value_type_error("options", "an object");
}

CallSummary CallSummary::of(const model::ExternalCall& call) {
  return {call.service,
          call.operation,
          call.status,
          call.attempt,
          call.seconds,
          call.sku,
          call.cost_usd,
          call.error};
}

void to_json(nlohmann::json& j, const CallSummary& value) {
  j = {{"service", value.service},
       {"operation", value.operation},
       {"status", value.status},
       {"attempt", value.attempt},
       {"seconds", value.seconds},
       {"sku", value.sku},
       {"cost_usd", value.cost_usd}};
  if (!value.error.empty()) j["error"] = value.error;
}

void from_json(const nlohmann::json& j, CallSummary& value) {
  value = CallSummary{};
  ObjectReader reader(j, "call", false);
  reader.required("service", value.service);
  reader.optional("operation", value.operation);
  reader.optional("status", value.status);
  reader.optional("attempt", value.attempt);
  reader.optional("seconds", value.seconds);
  reader.optional("sku", value.sku);
  reader.optional("cost_usd", value.cost_usd);
  reader.optional("error", value.error);
}

void to_json(nlohmann::json& j, const ReplanReport& value) {
  j = {{"calls", value.calls},
       {"cost_usd", value.cost_usd},
       {"call_budget", value.call_budget},
       {"stages", value.stages},
       {"external_calls", value.external_calls}};
}

void from_json(const nlohmann::json& j, ReplanReport& value) {
  value = ReplanReport{};
  ObjectReader reader(j, "replan", false);
  reader.required("calls", value.calls);
  reader.required("cost_usd", value.cost_usd);
  reader.optional("call_budget", value.call_budget);
  reader.optional("stages", value.stages);
  reader.optional("external_calls", value.external_calls);
}

void to_json(nlohmann::json& j, const ReplanAnswer& value) {
  j = value.document;
  j["replan"] = value.replan;
}

void from_json(const nlohmann::json& j, ReplanAnswer& value) {
  value.document = j.get<CityDocument>();
  ObjectReader reader(j, "", false);
  reader.required("replan", value.replan);
}

void to_json(nlohmann::json& j, const PublishRequest& value) {
  j = {{"dry_run", value.dry_run}};
}

void from_json(const nlohmann::json& j, PublishRequest& value) {
  value = PublishRequest{};
  ObjectReader reader(j, "", true);
  reader.optional("dry_run", value.dry_run);
  reader.finish();
}

void to_json(nlohmann::json& j, const PublishAnswer& value) {
  if (value.dry_run) {
    j = {{"success", true},
         {"dry_run", true},
         {"draft_revision", value.draft_revision},
         {"changes", value.changes}};
  } else {
    j = {{"success", true},
         {"city_id", value.city_id},
         {"revision", value.revision},
         {"changes", value.changes}};
  }
}

void from_json(const nlohmann::json& j, PublishAnswer& value) {
  value = PublishAnswer{};
  ObjectReader reader(j, "", false);
  reader.optional("dry_run", value.dry_run);
  reader.optional("city_id", value.city_id);
  reader.optional("revision", value.revision);
  reader.optional("draft_revision", value.draft_revision);
  reader.optional("changes", value.changes);
}

}  // namespace core::json
