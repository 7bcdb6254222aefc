#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/model/enum_names.h"
#include "shared/model/geo_point.h"

namespace core::model {

/// Who took an attraction's include/exclude decision.
enum class Decider { Heuristic, Llm, Editor };

template <>
struct EnumNames<Decider> {
  static constexpr const char* kWhat = "decider";
  static constexpr std::array kNames{EnumName<Decider>{Decider::Heuristic, "heuristic"},
                                     EnumName<Decider>{Decider::Llm, "llm"},
                                     EnumName<Decider>{Decider::Editor, "editor"}};
};

/// An editor's overrides. Set fields win over the pipeline's values and survive regeneration.
struct EditorFields {
  std::optional<bool> included;
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<int> visit_minutes;
  std::optional<double> interest_score;
  std::optional<int> locked_tour;  ///< 0-based tour the stop must stay in

  friend bool operator==(const EditorFields&, const EditorFields&) = default;
};

/// A candidate stop with the filter's decision. Scores are 0..100; minutes are whole minutes.
struct Attraction {
  std::string id;         ///< stable, URL-safe, derived from source_id (attraction_id())
  std::string source_id;  ///< "osm:way/123", a Google place id, "wikidata:Q42"
  std::string name;
  GeoPoint location;
  std::vector<std::string> types;  ///< Google-style place types: "museum", "church", "store"...
  std::optional<double> rating;    ///< 1..5 from Google; absent offline
  int rating_count = 0;
  std::string summary;   ///< one-line description
  std::string wikidata;  ///< popularity signals from open data (may be empty)
  std::string wikipedia;
  int name_variants = 0;  ///< number of name:<lang> translations
  /// What the source says beyond `types`, read by the filter: OpenStreetMap tags ("building" ->
  /// "office", "name:en" -> "Clerics Tower", "access" -> "private"), Google fields
  /// ("businessStatus" -> "CLOSED_PERMANENTLY"). Filter input: decided attractions carry none.
  std::map<std::string, std::string> tags;
  /// source_id of the sight whose outline contains this candidate (from the OSM extracts), or
  /// empty. Filter input, like `tags`.
  std::string within;
  double interest_score = 0.0;
  int visit_minutes = 0;
  bool included = false;
  std::string reason;  ///< why it was kept or dropped, for people
  Decider decided_by = Decider::Heuristic;
  EditorFields editor;

  friend bool operator==(const Attraction&, const Attraction&) = default;
};

/// Stable id for an attraction: "a" + 16 hex digits of a 64-bit FNV-1a hash of `source_id`.
std::string attraction_id(const std::string& source_id);

/// The value people and the planner see: the editor's override if set, else the pipeline's.
bool effective_included(const Attraction& attraction);
/// Editor's name if set, else the pipeline's.
const std::string& effective_name(const Attraction& attraction);
/// Editor's description if set, else the summary.
const std::string& effective_description(const Attraction& attraction);
/// Editor's visit minutes if set, else the pipeline's.
int effective_visit_minutes(const Attraction& attraction);
/// Editor's score if set, else the pipeline's.
double effective_score(const Attraction& attraction);

}  // namespace core::model
