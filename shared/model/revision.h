#pragma once

#include <string>
#include <vector>

#include "shared/model/attraction.h"
#include "shared/model/generation_options.h"
#include "shared/model/tour.h"

namespace core::model {

/// Draft: editable, never seen by the app. Published: what the app sees. Superseded: history.
enum class RevisionStatus { Draft, Published, Superseded };

/// One version of a city's content: every attraction with its decision, and the tours.
struct Revision {
  std::string city_id;
  int number = 0;           ///< 1, 2, ... per city
  RevisionStatus status = RevisionStatus::Draft;
  std::string origin;       ///< "generation", "edit" or "replan"
  std::string job_id;       ///< the generation that produced it (empty for pure edits)
  std::string created_at;   ///< ISO 8601 UTC
  std::string published_at;
  GenerationOptions options;
  std::vector<Attraction> attractions;
  std::vector<Tour> tours;

  friend bool operator==(const Revision&, const Revision&) = default;
};

}  // namespace core::model
