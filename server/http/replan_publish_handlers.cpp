#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/service/draft_service.h"
#include "shared/json/edit_messages.h"
#include "shared/json/model_json.h"

namespace server::http {
namespace {

nlohmann::json optional_body(const httplib::Request& request) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return nlohmann::json::object();
  return parse_body(request);
}

}  // namespace

void handle_replan(ApiContext& context,
                   const httplib::Request& request,
                   httplib::Response& response) {
  const auto replan_request = optional_body(request).get<core::json::ReplanRequest>();
  service::ReplanOutcome outcome =
      context.drafts.replan(request.matches[1], replan_request.options);
  send_json(response,
            200,
            core::json::ReplanAnswer{
                {std::move(outcome.city), std::move(outcome.draft), std::move(outcome.warnings)},
                std::move(outcome.spent)});
}

void handle_publish(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const bool dry_run = optional_body(request).get<core::json::PublishRequest>().dry_run;
  service::PublishOutcome outcome = context.drafts.publish(city_id, dry_run);
  if (!outcome.published) {
    send_json(
        response,
        200,
        core::json::PublishAnswer{true, "", 0, outcome.draft_revision, std::move(outcome.changes)});
    return;
  }
  context.published_pointers.forget(city_id);  // this instance's app readers see it at once
  send_json(
      response,
      200,
      core::json::PublishAnswer{false, city_id, *outcome.published, 0, std::move(outcome.changes)});
}

}  // namespace server::http
