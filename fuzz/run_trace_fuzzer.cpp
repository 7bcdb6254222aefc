// libFuzzer target: the run-trace parser that `replay` and GET /api/cities/{id}/runs/{job} rely on
// (a trace file may come from anywhere). A trace must parse into the model or fail with a JSON or
// core::Error exception, never crash; one that parses must write back and parse again the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/errors.h"
#include "shared/json/model_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  core::model::RunTrace trace;
  try {
    trace = nlohmann::json::parse(text).get<core::model::RunTrace>();
  } catch (const nlohmann::json::exception&) {
    return 0;
  } catch (const core::Error&) {
    return 0;
  }
  const nlohmann::json written = trace;
  const nlohmann::json again = written.get<core::model::RunTrace>();
  if (again != written) std::abort();
  return 0;
}
