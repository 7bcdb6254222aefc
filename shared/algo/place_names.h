#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/model/attraction.h"

namespace core::algo {

/// The name to show in `language` (a language tag, "pt-BR" reads "name:pt"): the source's name
/// in that language (the local name too when `local_language`, the language of the country's
/// names, is that language), else its English name, else its local name (the `name` tag, else
/// `attraction.name`). Names that are not place names (a coordinate string) are skipped; the
/// one shown is cleaned (runs of spaces, ';' between several names becomes ", ") and, in Cyrillic
/// or Greek, romanised (every supported language is written in Latin letters); empty when none is
/// usable.
std::string localized_name(const model::Attraction& attraction,
                           std::string_view language,
                           std::string_view local_language = "");

/// Every name the source gives the place (`attraction.name`, the `name` and `name:<lang>` tags,
/// `alt_name` and `official_name` split at ';'), each once, in a fixed order.
std::vector<std::string> all_names(const model::Attraction& attraction);

}  // namespace core::algo
