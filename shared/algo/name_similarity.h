#pragma once

#include <string>
#include <string_view>

namespace core::algo {

/// A name folded for comparison: lower case, Latin diacritics removed ("Sé" -> "se",
/// "Straße" -> "strasse"), punctuation (ASCII, Latin-1 symbols such as ´ and °, general
/// punctuation such as ’ and –) turned into single spaces, trimmed. Other scripts pass through
/// unchanged.
std::string fold_name(std::string_view utf8_name);

/// Similarity of two folded names in [0, 1]: 1 - edit distance / longer length.
double name_similarity(std::string_view folded_a, std::string_view folded_b);

/// True if the folded names are the same place name: equal, nearly equal (similarity >= 0.85),
/// or one holds the other as whole words and is at least 5 characters long.
bool same_name(std::string_view folded_a, std::string_view folded_b);

}  // namespace core::algo
