#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/algo/place_kind.h"
#include "shared/model/attraction.h"

namespace core::algo {

/// A stop's one-line description in `language` (a supported language tag): the source's own
/// description in that language (OpenStreetMap description:<lang>, or a description tag written in
/// it), else a line of facts from its tags ("Church (Roman Catholic); dated 1732; architect:
/// Nicolau Nasoni."), else a description in another supported language followed by which one
/// ("(in German)"), else the kind alone ("Viewpoint.").
std::string
describe(const model::Attraction& attraction, PlaceKind kind, std::string_view language);

/// The sentence naming a stop's parts in `language`: "Includes: A, B, C, D and 2 more." (at most
/// four names); empty for no parts.
std::string parts_sentence(const std::vector<std::string>& parts, std::string_view language);

}  // namespace core::algo
