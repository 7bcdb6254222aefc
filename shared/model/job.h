#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "shared/model/enum_names.h"
#include "shared/model/generation_options.h"
#include "shared/model/revision.h"
#include "shared/model/stage.h"

namespace core::model {

/// Lifecycle of a generation job.
enum class JobStatus { Queued, Running, Succeeded, Failed };

template <>
struct EnumNames<JobStatus> {
  static constexpr const char* kWhat = "job status";
  static constexpr std::array kNames{EnumName<JobStatus>{JobStatus::Queued, "queued"},
                                     EnumName<JobStatus>{JobStatus::Running, "running"},
                                     EnumName<JobStatus>{JobStatus::Succeeded, "succeeded"},
                                     EnumName<JobStatus>{JobStatus::Failed, "failed"}};
};

/// True once a job succeeded or failed for good.
constexpr bool finished(JobStatus status) {
  return status == JobStatus::Succeeded || status == JobStatus::Failed;
}

/// Why a job failed, for people and machines.
struct JobError {
  std::string code;
  std::string message;
  std::optional<Stage> stage;  ///< the stage that failed, when one had started

  friend bool operator==(const JobError&, const JobError&) = default;
};

/// What a succeeded job produced.
struct JobResult {
  std::string city_id;
  int revision = 0;
  int tours = 0;
  bool published = false;

  friend bool operator==(const JobResult&, const JobResult&) = default;
};

/// A durable generation request and its progress; or the record of a replan, a run made at once
/// (origin Replan, stored finished).
struct Job {
  std::string id;
  std::string place_id;
  GenerationOptions options;
  RevisionOrigin origin = RevisionOrigin::Generation;  ///< Generation or Replan
  JobStatus status = JobStatus::Queued;
  std::optional<Stage> stage;  ///< current or last stage; none while queued the first time
  double progress = 0.0;       ///< 0..1
  int attempts = 0;
  std::optional<JobError> error;
  std::optional<JobResult> result;
  std::vector<StageRecord> stages;
  std::string idempotency_key;
  std::string created_at;  ///< ISO 8601 UTC
  std::string started_at;
  std::string finished_at;

  friend bool operator==(const Job&, const Job&) = default;
};

}  // namespace core::model
