#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core::algo {

/// A name folded for comparison: lower case, Latin diacritics removed ("Sé" -> "se",
/// "Straße" -> "strasse"), punctuation (ASCII, Latin-1 symbols such as ´ and °, general
/// punctuation such as ’ and –) turned into single spaces, trimmed. Other scripts pass through
/// unchanged.
std::string fold_name(std::string_view utf8_name);

/// The rows an edit distance needs, kept between calls so that comparing many pairs allocates
/// only while the names grow. One per thread.
struct EditRows {
  std::vector<std::size_t> previous;
  std::vector<std::size_t> current;
};

/// Similarity of two folded names in [0, 1]: 1 - edit distance / longer length.
double name_similarity(std::string_view folded_a, std::string_view folded_b);
/// The same, with the caller's rows.
double name_similarity(std::string_view folded_a, std::string_view folded_b, EditRows& rows);

/// True if the folded names are the same place name: equal, nearly equal (similarity >= 0.85),
/// or one holds the other as whole words and is at least 5 characters long.
bool same_name(std::string_view folded_a, std::string_view folded_b);
/// The same, with the caller's rows.
bool same_name(std::string_view folded_a, std::string_view folded_b, EditRows& rows);

}  // namespace core::algo
