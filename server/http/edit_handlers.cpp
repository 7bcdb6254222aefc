#include "server/http/city_access.h"
#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "shared/json/edits_json.h"
#include "shared/json/model_json.h"

namespace server::http {
namespace {

core::algo::WalkingModel walking_of(const core::model::Revision& draft) {
  return {draft.options.walking_speed_kmh, draft.options.detour_factor};
}

}  // namespace

void handle_patch_attraction(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const std::string attraction_id = request.matches[2];
  const core::edit::AttractionPatch patch = core::json::parse_attraction_patch(parse_body(request));
  require_city(context, city_id);
  const core::model::Revision draft = context.store.edit_draft(city_id, [&](core::model::Revision& revision) {
    core::edit::apply_attraction_patch(revision, attraction_id, patch, walking_of(revision));
  });
  const auto it = std::find_if(draft.attractions.begin(), draft.attractions.end(),
                               [&](const auto& a) { return a.id == attraction_id; });
  send_json(response, 200,
            {{"success", true}, {"revision", draft.number}, {"attraction", *it}, {"tours", draft.tours}});
}

void handle_put_tours(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const std::vector<core::edit::TourEdit> edits = core::json::parse_tour_edits(parse_body(request));
  require_city(context, city_id);
  std::vector<std::string> warnings;
  const core::model::Revision draft = context.store.edit_draft(city_id, [&](core::model::Revision& revision) {
    warnings = core::edit::apply_tour_edits(revision, edits, walking_of(revision));
  });
  send_json(response, 200,
            {{"success", true}, {"revision", draft.number}, {"tours", draft.tours}, {"warnings", warnings}});
}

}  // namespace server::http
