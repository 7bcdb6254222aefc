#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace core::model {
namespace {

void read_options(const nlohmann::json& j,
                  GenerationOptions& value,
                  const std::string& path,
                  bool strict) {
  json::ObjectReader reader(j, path, strict);
  reader.optional("tours", value.tours);
  reader.optional("minutes_per_tour", value.minutes_per_tour);
  reader.optional("walking_speed_kmh", value.walking_speed_kmh);
  reader.optional("detour_factor", value.detour_factor);
  reader.optional("start", value.start);
  reader.optional("end", value.end);
  reader.optional("language", value.language);
  reader.optional("max_attractions", value.max_attractions);
  reader.optional("max_leg_m", value.max_leg_m);
  reader.optional("tour_radius_m", value.tour_radius_m);
  reader.optional("step_free", value.step_free);
  reader.optional("seed", value.seed);
  reader.optional("force", value.force);
  reader.finish();
}

}  // namespace

void to_json(nlohmann::json& j, const GeoPoint& value) {
  j = nlohmann::json{{"lat", value.lat_deg}, {"lon", value.lon_deg}};
}

void from_json(const nlohmann::json& j, GeoPoint& value) {
  json::read_value(j, value, "");
}

void to_json(nlohmann::json& j, const BoundingBox& value) {
  j = nlohmann::json{{"low", value.low}, {"high", value.high}};
}

void from_json(const nlohmann::json& j, BoundingBox& value) {
  json::read_value(j, value, "");
}

void to_json(nlohmann::json& j, const GenerationOptions& value) {
  j = nlohmann::json{{"tours", value.tours},
                     {"minutes_per_tour", value.minutes_per_tour},
                     {"walking_speed_kmh", value.walking_speed_kmh},
                     {"detour_factor", value.detour_factor},
                     {"start", value.start ? nlohmann::json(*value.start) : nlohmann::json()},
                     {"end", value.end ? nlohmann::json(*value.end) : nlohmann::json()},
                     {"language", value.language},
                     {"max_attractions", value.max_attractions},
                     {"max_leg_m", value.max_leg_m},
                     {"tour_radius_m", value.tour_radius_m},
                     {"step_free", value.step_free},
                     {"seed", value.seed},
                     {"force", value.force}};
}

void from_json(const nlohmann::json& j, GenerationOptions& value) {
  value = GenerationOptions{};
  read_options(j, value, "", false);
}

}  // namespace core::model

namespace core::json {

model::GenerationOptions parse_generation_options(const nlohmann::json& value,
                                                  const std::string& path) {
  return merge_generation_options(value, model::GenerationOptions{}, path);
}

model::GenerationOptions merge_generation_options(const nlohmann::json& value,
                                                  model::GenerationOptions base,
                                                  const std::string& path) {
  if (value.is_null()) return base;
  model::read_options(value, base, path, true);
  model::validate(base);
  return base;
}

}  // namespace core::json
