#include "server/http/city_access.h"
#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "shared/json/edit_messages.h"

namespace server::http {
namespace {

core::algo::WalkingModel walking_of(const core::model::Revision& draft) {
  return {draft.options.walking_speed_kmh, draft.options.detour_factor};
}

}  // namespace

void handle_patch_attraction(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const std::string attraction_id = request.matches[2];
  const auto patch = parse_body(request).get<core::edit::AttractionPatch>();
  require_city(context, city_id);
  const core::model::Revision draft = context.store.edit_draft(city_id, [&](core::model::Revision& revision) {
    core::edit::apply_attraction_patch(revision, attraction_id, patch, walking_of(revision));
  });
  const auto it = std::find_if(draft.attractions.begin(), draft.attractions.end(),
                               [&](const auto& a) { return a.id == attraction_id; });
  send_json(response, 200, core::json::AttractionEdited{draft.number, *it, draft.tours});
}

void handle_put_tours(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const std::vector<core::edit::TourEdit> edits = parse_body(request).get<core::json::ToursRequest>().tours;
  require_city(context, city_id);
  std::vector<std::string> warnings;
  const core::model::Revision draft = context.store.edit_draft(city_id, [&](core::model::Revision& revision) {
    warnings = core::edit::apply_tour_edits(revision, edits, walking_of(revision));
  });
  send_json(response, 200, core::json::ToursEdited{draft.number, draft.tours, warnings});
}

}  // namespace server::http
