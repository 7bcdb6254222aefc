#include "server/http/responses.h"

#include "server/errors.h"
#include "shared/json/json_reader.h"
#include "shared/json/service_messages.h"

namespace server::http {

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  // Replace invalid UTF-8 rather than throw: a bad byte in stored data must not become a 500.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       kJsonContentType);
}

void send_error(httplib::Response& response,
                int status,
                const std::string& code,
                const std::string& message) {
  send_json(response, status, core::json::error_document(code, message));
}

int status_for_code(const std::string& code) {
  if (code == "invalid_request" || code == "invalid_json" || code == "invalid_place_id" ||
      code == "invalid_polyline") {
    return 400;
  }
  if (code == "unauthorized" || code == "invalid_token") return 401;
  if (code == "forbidden") return 403;
  if (code == "not_found" || code == "unknown_place") return 404;
  if (code == "conflict" || code == "no_draft") return 409;
  if (code == "payload_too_large") return 413;
  if (code == "unsupported_media_type") return 415;
  if (code == "idempotency_key_reused" || code == "no_tours" || code == "not_a_city") return 422;
  if (code == "rate_limited" || code == "spend_budget_exhausted") return 429;
  if (code == "upstream_error") return 502;
  if (code == "storage_unavailable" || code == "cancelled" || code == "queue_full" ||
      code == "auth_unavailable") {
    return 503;
  }
  return 500;
}

int status_for(const core::Error& error) {
  if (dynamic_cast<const core::InputError*>(&error)) return 400;
  if (dynamic_cast<const core::NotFoundError*>(&error)) return 404;
  if (dynamic_cast<const core::ConflictError*>(&error)) return 409;
  return status_for_code(error.code());
}

nlohmann::json parse_body(const httplib::Request& request) {
  nlohmann::json body = core::json::parse_request_json(request.body);
  if (!body.is_object())
    throw core::InputError("the request body must be a JSON object", "invalid_json");
  return body;
}

}  // namespace server::http
