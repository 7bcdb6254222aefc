#pragma once

#include <array>
#include <string>

#include "shared/model/enum_names.h"

namespace core::model {

/// The stages of a generation, in the order they run (DESIGN §5). A replan runs the last three
/// but "store".
enum class Stage { City, Attractions, Filter, Distances, Plan, Legs, Store };

template <>
struct EnumNames<Stage> {
  static constexpr const char* kWhat = "stage";
  static constexpr std::array kNames{EnumName<Stage>{Stage::City, "city"},
                                     EnumName<Stage>{Stage::Attractions, "attractions"},
                                     EnumName<Stage>{Stage::Filter, "filter"},
                                     EnumName<Stage>{Stage::Distances, "distances"},
                                     EnumName<Stage>{Stage::Plan, "plan"},
                                     EnumName<Stage>{Stage::Legs, "legs"},
                                     EnumName<Stage>{Stage::Store, "store"}};
};

/// What one stage of a run took: the job status, the run trace and a replan report it. Seconds
/// are wall time.
struct StageRecord {
  Stage stage = Stage::City;
  double seconds = 0.0;
  int calls = 0;          ///< external calls made
  double cost_usd = 0.0;  ///< estimated cost of those calls
  std::string
      note;  ///< what the stage did differently, e.g. "heuristic filter (no PERPLEXITY_API_KEY)"

  friend bool operator==(const StageRecord&, const StageRecord&) = default;
};

}  // namespace core::model
