#pragma once

#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "shared/errors.h"

namespace server::http {

/// The media type of every JSON answer.
inline constexpr const char* kJsonContentType = "application/json";

/// Sends `body` as application/json with `status`.
void send_json(httplib::Response& response, int status, const nlohmann::json& body);

/// Sends the error shape {"success": false, "error": {"code", "message"}} with `status`.
void send_error(httplib::Response& response,
                int status,
                const std::string& code,
                const std::string& message);

/// The HTTP status for a product error: InputError 400, NotFoundError 404, ConflictError 409,
/// payload_too_large 413, unsupported_media_type 415, idempotency_key_reused 422, upstream 502,
/// storage 503, anything else 500.
int status_for(const core::Error& error);

/// The HTTP status for a job error code recorded on a failed job.
int status_for_code(const std::string& code);

/// Parses a request body as a JSON object (core::json::parse_request_json: no U+0000 in any text);
/// throws core::InputError otherwise.
nlohmann::json parse_body(const httplib::Request& request);

}  // namespace server::http
