#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core::algo {

/// A place name reduced to the words that tell sights apart, in any of the languages names come
/// in: folded (case, accents, punctuation), articles and prepositions dropped ("dos", "degli",
/// "of"), kind words replaced by one token per kind ("Torre", "Tower", "Turm" -> "~tower";
/// German compounds split: "Aussichtsturm" -> "aussichts" "~tower"), generic words marked ("São",
/// "Sankt" -> "=saint"; "Neues", "Nova" -> "=new"), numerals written as numbers ("VII", "7" ->
/// "#7"). Word order does not matter: the words are sorted and unique.
struct NameKey {
  std::vector<std::string> words;
  /// Words that follow a title ("Pedro" in "Dom Pedro Pitões"): people's given names, which
  /// never make two places one on their own (share_distinctive_word). Sorted.
  std::vector<std::string> given_names;

  /// Two keys are equal when their words are.
  friend bool operator==(const NameKey& a, const NameKey& b) { return a.words == b.words; }
};

/// The key of a UTF-8 name. Pure; allocation only for the result.
NameKey name_key(std::string_view utf8_name);

/// True for a word that names this very place rather than a kind, a numeral or a generic word.
bool is_distinctive(std::string_view word);

/// True if two keys are the same sight's name: equal, or equal once the city's own words
/// (`city`, the key of the city's name) are left out of both, and still holding a distinctive
/// word ("Sé do Porto" = "Porto Cathedral"; "Museu" alone names no sight in particular).
bool same_sight_name(const NameKey& a, const NameKey& b, const NameKey& city);

/// True if both names carry numerals and they differ ("Alexander I", "Alexander II").
bool numerals_disagree(const NameKey& a, const NameKey& b);

/// True if the names share a distinctive word of 4 letters or more that is neither the city's nor
/// a given name after a title, and their numerals do not disagree ("Torre dos Clérigos" and "Igreja
/// dos Clérigos" do; "Alexander I" and "Alexander II" do not; "Neues Rathaus" and "Altes Rathaus"
/// share no such word).
bool share_distinctive_word(const NameKey& a, const NameKey& b, const NameKey& city);

/// True if `utf8_name` can be shown as a place's name: it has a letter and is not a coordinate
/// string such as 55°41′47.00"N 12°32′59.20"E or "41.14, -8.61".
bool is_place_name(std::string_view utf8_name);

}  // namespace core::algo
