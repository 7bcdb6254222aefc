#pragma once

#include <string_view>

namespace core::algo {

// The words stop descriptions are built from, in each supported language (the order of
// model::kSupportedLanguages: de, en, es, fr, it, pt). Pure tables; no grammar beyond labels.

/// Index of `language` (a tag; "pt-BR" is pt) in model::kSupportedLanguages; English when
/// unsupported.
int language_index(std::string_view language);

/// The noun for a kind of place ("church", "city_gate", "sight"...) in language `index`,
/// capitalised as a line starts; the word for "sight" when `noun` is unknown.
std::string_view noun(std::string_view noun_id, int index);

/// A denomination tag's adjective ("roman_catholic" -> "Roman Catholic"), or empty if unknown.
std::string_view denomination(std::string_view tag_value, int index);

/// A labelled fact: "architect" ("architect: %"), "artist", "dated" ("dated %"), "heritage"
/// (no value), "includes" ("Includes: %"), "more" (" and % more"); '%' marks where the value goes.
std::string_view phrase(std::string_view phrase_id, int index);

/// "(in German)" for text in language `text_index`, written in language `index`.
std::string_view in_language(int text_index, int index);

/// The supported language whose common words `text` uses most, or -1 when it cannot tell.
int guess_language(std::string_view text);

}  // namespace core::algo
