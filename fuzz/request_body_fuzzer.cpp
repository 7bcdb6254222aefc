// libFuzzer target: a POST /api/generate-city body as the handler reads it (strict JSON, then the
// place id and the generation options). Anything may come from a client: the only acceptable
// outcomes are a value or a core::Error (a 4xx), never a crash or another exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/errors.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"
#include "shared/model/place_id.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const nlohmann::json body = core::json::parse_request_json(text);
    if (!body.is_object()) return 0;
    core::json::ObjectReader reader(body, "", true);
    std::string place_id;
    reader.required("place_id", place_id);
    reader.ignore("options");
    reader.finish();
    core::model::validate_place_id(place_id);
    const core::model::GenerationOptions options =
        core::json::parse_generation_options(body.value("options", nlohmann::json()), "options");
    (void)core::json::merge_generation_options(
        body.value("options", nlohmann::json()), options, "options");
  } catch (const core::Error&) {}
  return 0;
}
