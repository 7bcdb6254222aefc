#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/model/generation_options.h"

namespace core::model {

/// Lifecycle of a generation job.
enum class JobStatus { Queued, Running, Succeeded, Failed };

/// What one pipeline stage took. Seconds are wall time.
struct StageTiming {
  std::string stage;
  double seconds = 0.0;
  int calls = 0;          ///< external calls made
  double cost_usd = 0.0;  ///< estimated cost of those calls
  std::string note;

  friend bool operator==(const StageTiming&, const StageTiming&) = default;
};

/// Why a job failed, for people and machines.
struct JobError {
  std::string code;
  std::string message;
  std::string stage;

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

/// A durable generation request and its progress.
struct Job {
  std::string id;
  std::string place_id;
  GenerationOptions options;
  JobStatus status = JobStatus::Queued;
  std::string stage;       ///< current or last stage
  double progress = 0.0;   ///< 0..1
  int attempts = 0;
  std::optional<JobError> error;
  std::optional<JobResult> result;
  std::vector<StageTiming> stages;
  std::string idempotency_key;
  std::string created_at;  ///< ISO 8601 UTC
  std::string started_at;
  std::string finished_at;

  friend bool operator==(const Job&, const Job&) = default;
};

}  // namespace core::model
