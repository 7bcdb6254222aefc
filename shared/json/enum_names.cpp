#include <array>
#include <string>

#include "shared/errors.h"
#include "shared/json/model_json.h"

namespace core::model {

const char* to_string(Decider value) {
  static constexpr std::array kNames{"heuristic", "llm", "editor"};
  return kNames[static_cast<std::size_t>(value)];
}

const char* to_string(JobStatus value) {
  static constexpr std::array kNames{"queued", "running", "succeeded", "failed"};
  return kNames[static_cast<std::size_t>(value)];
}

const char* to_string(RevisionStatus value) {
  static constexpr std::array kNames{"draft", "published", "superseded"};
  return kNames[static_cast<std::size_t>(value)];
}

JobStatus job_status_from_string(const std::string& name) {
  for (const JobStatus status : {JobStatus::Queued, JobStatus::Running, JobStatus::Succeeded, JobStatus::Failed}) {
    if (name == to_string(status)) return status;
  }
  throw InputError("unknown job status \"" + name + "\"");
}

}  // namespace core::model
