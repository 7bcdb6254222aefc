#pragma once

#include <nlohmann/json.hpp>

#include "shared/json/json_reader.h"
#include "shared/model/attraction.h"
#include "shared/model/city.h"
#include "shared/model/generation_options.h"
#include "shared/model/job.h"
#include "shared/model/revision.h"
#include "shared/model/run_trace.h"
#include "shared/model/tour.h"

// JSON for the model. Keys are snake_case; enums are lower-case strings; optional members are
// null or absent. from_json throws core::InputError with the path of the offending member.
// These live in core::model so nlohmann finds them by argument-dependent lookup.
namespace core::model {

void to_json(nlohmann::json& j, const GeoPoint& value);
void from_json(const nlohmann::json& j, GeoPoint& value);
void to_json(nlohmann::json& j, const BoundingBox& value);
void from_json(const nlohmann::json& j, BoundingBox& value);
void to_json(nlohmann::json& j, const GenerationOptions& value);
void from_json(const nlohmann::json& j, GenerationOptions& value);
void to_json(nlohmann::json& j, const EditorFields& value);
void from_json(const nlohmann::json& j, EditorFields& value);
void to_json(nlohmann::json& j, const Attraction& value);
void from_json(const nlohmann::json& j, Attraction& value);
void to_json(nlohmann::json& j, const TourStop& value);
void from_json(const nlohmann::json& j, TourStop& value);
void to_json(nlohmann::json& j, const TourLeg& value);
void from_json(const nlohmann::json& j, TourLeg& value);
void to_json(nlohmann::json& j, const Tour& value);
void from_json(const nlohmann::json& j, Tour& value);
void to_json(nlohmann::json& j, const City& value);
void from_json(const nlohmann::json& j, City& value);
void to_json(nlohmann::json& j, const Revision& value);
void from_json(const nlohmann::json& j, Revision& value);
void to_json(nlohmann::json& j, const JobError& value);
void from_json(const nlohmann::json& j, JobError& value);
void to_json(nlohmann::json& j, const JobResult& value);
void from_json(const nlohmann::json& j, JobResult& value);
void to_json(nlohmann::json& j, const Job& value);
void from_json(const nlohmann::json& j, Job& value);
void to_json(nlohmann::json& j, const ExternalCall& value);
void from_json(const nlohmann::json& j, ExternalCall& value);
void to_json(nlohmann::json& j, const StageRecord& value);
void from_json(const nlohmann::json& j, StageRecord& value);
void to_json(nlohmann::json& j, const RunTrace& value);
void from_json(const nlohmann::json& j, RunTrace& value);

/// A named enum (enum_names.h) is its name; any other text is a core::InputError, never a default.
template <NamedEnum E>
void to_json(nlohmann::json& j, E value) {
  j = to_string(value);
}
template <NamedEnum E>
void from_json(const nlohmann::json& j, E& value) {
  json::read_value(j, value, EnumNames<E>::kWhat);
}

}  // namespace core::model

namespace core::json {

/// Reads generation options sent by a client: unknown members and wrong types are rejected with
/// the member's path (e.g. "options.tours must be an integer"), then the values are validated.
model::GenerationOptions parse_generation_options(const nlohmann::json& value,
                                                  const std::string& path);

/// Like parse_generation_options, but members absent from `value` keep the values of `base`.
model::GenerationOptions merge_generation_options(const nlohmann::json& value,
                                                  model::GenerationOptions base,
                                                  const std::string& path);

}  // namespace core::json
