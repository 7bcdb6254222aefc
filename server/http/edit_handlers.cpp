#include <algorithm>

#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/service/draft_service.h"
#include "shared/json/edit_messages.h"

namespace server::http {

void handle_patch_attraction(ApiContext& context,
                             const httplib::Request& request,
                             httplib::Response& response) {
  const std::string attraction_id = request.matches[2];
  const auto patch = parse_body(request).get<core::edit::AttractionPatch>();
  const core::model::Revision draft =
      context.drafts.edit_attraction(request.matches[1], attraction_id, patch);
  const auto it = std::find_if(draft.attractions.begin(),
                               draft.attractions.end(),
                               [&](const auto& a) { return a.id == attraction_id; });
  send_json(response, 200, core::json::AttractionEdited{draft.number, *it, draft.tours});
}

void handle_put_tours(ApiContext& context,
                      const httplib::Request& request,
                      httplib::Response& response) {
  const std::vector<core::edit::TourEdit> edits =
      parse_body(request).get<core::json::ToursRequest>().tours;
  std::vector<std::string> warnings;
  const core::model::Revision draft =
      context.drafts.edit_tours(request.matches[1], edits, warnings);
  send_json(response, 200, core::json::ToursEdited{draft.number, draft.tours, warnings});
}

}  // namespace server::http
