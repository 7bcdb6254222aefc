#include "shared/json/edits_json.h"

#include "shared/errors.h"
#include "shared/json/json_reader.h"

namespace core::json {
namespace {

template <class T>
void read_patch(const nlohmann::json& body, const char* key, edit::Patch<T>& out, bool& any) {
  const auto it = body.find(key);
  if (it == body.end()) return;
  any = true;
  std::optional<T> value;
  read_value(*it, value, key);
  out = value;
}

}  // namespace

edit::AttractionPatch parse_attraction_patch(const nlohmann::json& body) {
  ObjectReader reader(body, "", true);
  for (const char* key : {"included", "name", "description", "visit_minutes", "interest_score", "locked_tour"}) {
    reader.ignore(key);
  }
  reader.finish();
  edit::AttractionPatch patch;
  bool any = false;
  read_patch(body, "included", patch.included, any);
  read_patch(body, "name", patch.name, any);
  read_patch(body, "description", patch.description, any);
  read_patch(body, "visit_minutes", patch.visit_minutes, any);
  read_patch(body, "interest_score", patch.interest_score, any);
  read_patch(body, "locked_tour", patch.locked_tour, any);
  if (!any) {
    throw InputError("nothing to change: send any of included, name, description, visit_minutes, "
                     "interest_score, locked_tour");
  }
  return patch;
}

std::vector<edit::TourEdit> parse_tour_edits(const nlohmann::json& body) {
  ObjectReader reader(body, "", true);
  reader.ignore("tours");
  reader.finish();
  const auto tours = body.find("tours");
  if (tours == body.end()) throw InputError("tours is required");
  if (!tours->is_array()) throw InputError("tours must be an array");
  if (tours->size() > 12) throw InputError("tours must hold at most 12 tours");
  std::vector<edit::TourEdit> edits;
  for (std::size_t t = 0; t < tours->size(); ++t) {
    const std::string path = "tours[" + std::to_string(t) + "]";
    const nlohmann::json& tour = (*tours)[t];
    ObjectReader tour_reader(tour, path, true);
    edit::TourEdit edit;
    tour_reader.optional("order_locked", edit.order_locked);
    tour_reader.ignore("stops");
    tour_reader.finish();
    const auto stops = tour.find("stops");
    if (stops == tour.end() || !stops->is_array()) throw InputError(path + ".stops must be an array");
    for (std::size_t s = 0; s < stops->size(); ++s) {
      ObjectReader stop_reader((*stops)[s], path + ".stops[" + std::to_string(s) + "]", true);
      edit::TourEdit::Stop stop;
      stop_reader.required("attraction_id", stop.attraction_id);
      stop_reader.optional("locked", stop.locked);
      stop_reader.finish();
      edit.stops.push_back(std::move(stop));
    }
    edits.push_back(std::move(edit));
  }
  return edits;
}

}  // namespace core::json

namespace core::edit {

void to_json(nlohmann::json& j, const TourChange& value) {
  j = nlohmann::json{{"index", value.index},     {"title", value.title},
                     {"added", value.added},     {"removed", value.removed},
                     {"reordered", value.reordered}, {"minutes_before", value.minutes_before},
                     {"minutes_after", value.minutes_after}};
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

}  // namespace core::edit
