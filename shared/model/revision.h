#pragma once

#include <array>
#include <string>
#include <vector>

#include "shared/model/attraction.h"
#include "shared/model/enum_names.h"
#include "shared/model/generation_options.h"
#include "shared/model/tour.h"

namespace core::model {

/// Draft: editable, never seen by the app. Published: what the app sees. Superseded: history.
enum class RevisionStatus { Draft, Published, Superseded };

template <>
struct EnumNames<RevisionStatus> {
  static constexpr const char* kWhat = "revision status";
  static constexpr std::array kNames{
      EnumName<RevisionStatus>{RevisionStatus::Draft, "draft"},
      EnumName<RevisionStatus>{RevisionStatus::Published, "published"},
      EnumName<RevisionStatus>{RevisionStatus::Superseded, "superseded"}};
};

/// What made a revision or a run: a generation, an editor's first change to a published revision
/// (edits, arrangements and replans of an existing draft keep its origin), or a replan. A replan
/// is a run (a job and its trace) of its own; the draft it writes is an edit of the revision it
/// replanned.
enum class RevisionOrigin { Generation, Edit, Replan };

template <>
struct EnumNames<RevisionOrigin> {
  static constexpr const char* kWhat = "revision origin";
  static constexpr std::array kNames{
      EnumName<RevisionOrigin>{RevisionOrigin::Generation, "generation"},
      EnumName<RevisionOrigin>{RevisionOrigin::Edit, "edit"},
      EnumName<RevisionOrigin>{RevisionOrigin::Replan, "replan"}};
};

/// One version of a city's content: every attraction with its decision, and the tours.
struct Revision {
  std::string city_id;
  int number = 0;  ///< 1, 2, ... per city
  RevisionStatus status = RevisionStatus::Draft;
  RevisionOrigin origin = RevisionOrigin::Generation;
  std::string job_id;      ///< the generation that produced it (empty for pure edits)
  std::string created_at;  ///< ISO 8601 UTC
  std::string published_at;
  GenerationOptions options;
  std::vector<Attraction> attractions;
  std::vector<Tour> tours;

  friend bool operator==(const Revision&, const Revision&) = default;
};

}  // namespace core::model
