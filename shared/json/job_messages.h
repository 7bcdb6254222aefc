#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/model/generation_options.h"
#include "shared/model/job.h"

// Messages of POST /api/generate-city and GET /api/jobs/{id} (and its events).
namespace core::json {

/// POST /api/generate-city body: {"place_id", "options"?}. Written with the options only when
/// they differ from the defaults; read strictly (unknown members and invalid options are
/// core::InputError naming the member).
struct GenerateRequest {
  std::string place_id;
  model::GenerationOptions options;

  friend bool operator==(const GenerateRequest&, const GenerateRequest&) = default;
};
void to_json(nlohmann::json& j, const GenerateRequest& value);
void from_json(const nlohmann::json& j, GenerateRequest& value);

/// 200 of POST /api/generate-city: the city the request produced or found. A city generated
/// before (`existing`) comes without a job; a job's answer says whether the request `joined` a
/// job already queued for the place.
struct GenerateAnswer {
  std::string city_id;
  int tours = 0;
  std::string job_id;  ///< empty for an existing city
  int revision = 0;
  bool published = false;
  bool existing = false;
  bool joined = false;  ///< with a job only

  friend bool operator==(const GenerateAnswer&, const GenerateAnswer&) = default;
};
void to_json(nlohmann::json& j, const GenerateAnswer& value);
void from_json(const nlohmann::json& j, GenerateAnswer& value);

/// "/api/jobs/<id>": where a job's status is read.
std::string job_status_url(const std::string& job_id);

/// 202 of POST /api/generate-city: the job runs on; follow it at its status URL.
struct JobAccepted {
  std::string job_id;
  model::JobStatus status = model::JobStatus::Queued;
  bool joined = false;

  friend bool operator==(const JobAccepted&, const JobAccepted&) = default;
};
void to_json(nlohmann::json& j, const JobAccepted& value);
void from_json(const nlohmann::json& j, JobAccepted& value);

/// GET /api/jobs/{id} and the data of each of its server-sent events: the job and its status URL.
struct JobAnswer {
  model::Job job;

  friend bool operator==(const JobAnswer&, const JobAnswer&) = default;
};
void to_json(nlohmann::json& j, const JobAnswer& value);
void from_json(const nlohmann::json& j, JobAnswer& value);

}  // namespace core::json
