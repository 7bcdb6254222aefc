#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace core::algo {

// The multilingual vocabulary name_key() reads names with. Words are folded (fold_name): lower
// case ASCII, accents removed. The lists are general-purpose words of the languages the data
// comes in (English, German, French, Spanish, Italian, Portuguese, and the Nordic, Dutch and
// Polish kind words), never the names of particular places.

/// "~<kind>" for a word that names a kind of place in some language ("igreja", "kirche",
/// "église" -> "~church"), else empty.
std::string_view kind_token(std::string_view folded_word);

/// "=<meaning>" for a word shared by many unrelated names: saints' titles ("sao", "sankt"),
/// "new", "old", "great", "national", "royal", "city", periods ("medieval", "baroque")..., else
/// empty.
std::string_view generic_token(std::string_view folded_word);

/// True for a title before a person's name ("dom", "doutor", "kaiser", "king"; not saints).
bool is_title(std::string_view folded_word);

/// True for articles, prepositions, conjunctions and honorifics ("dos", "degli", "der", "of",
/// "dom").
bool is_stop_word(std::string_view folded_word);

/// A compound that ends in a kind word, split: "aussichtsturm" -> {"aussichts", "~tower"}; the
/// stem must keep 3 letters or more. {"", ""} when the word is no such compound.
std::pair<std::string, std::string_view> split_compound(std::string_view folded_word);

}  // namespace core::algo
