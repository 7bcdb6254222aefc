#pragma once

#include <string>

#include <nlohmann/json.hpp>

// The answers every route shares and the probes' answers. Each message type of the HTTP API lives
// in shared/json (service_, job_, city_, edit_messages.h): the server writes it, the console reads
// it (and the other way round for requests), so both sides speak one contract.
namespace core::json {

/// {"success": false, "error": {"code", "message"}, "job_id"?}: the shape of every error answer.
/// `job_id` is set when a generation job failed (POST /api/generate-city).
struct ErrorAnswer {
  std::string code;
  std::string message;
  std::string job_id;

  friend bool operator==(const ErrorAnswer&, const ErrorAnswer&) = default;
};
void to_json(nlohmann::json& j, const ErrorAnswer& value);
/// Throws core::InputError when `j` is not an error answer.
void from_json(const nlohmann::json& j, ErrorAnswer& value);

/// GET /healthz: {"status": "ok"}.
struct HealthAnswer {
  std::string status = "ok";

  friend bool operator==(const HealthAnswer&, const HealthAnswer&) = default;
};
void to_json(nlohmann::json& j, const HealthAnswer& value);
void from_json(const nlohmann::json& j, HealthAnswer& value);

/// GET /readyz: {"status": "ready", "store": "sqlite" | "postgres"}.
struct ReadyAnswer {
  std::string status = "ready";
  std::string store;

  friend bool operator==(const ReadyAnswer&, const ReadyAnswer&) = default;
};
void to_json(nlohmann::json& j, const ReadyAnswer& value);
void from_json(const nlohmann::json& j, ReadyAnswer& value);

/// The error answer's JSON for `code` and `message`.
nlohmann::json error_document(const std::string& code, const std::string& message);

}  // namespace core::json
