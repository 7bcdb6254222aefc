#include "shared/algo/sight_names.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "shared/algo/name_similarity.h"
#include "shared/algo/sight_words.h"

namespace core::algo {
namespace {

// The value of a Roman numeral of up to 39 ("vii" -> 7), or 0 if `word` is not one.
int roman_value(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kUnits{{{"i", 1},
                                                                            {"ii", 2},
                                                                            {"iii", 3},
                                                                            {"iv", 4},
                                                                            {"v", 5},
                                                                            {"vi", 6},
                                                                            {"vii", 7},
                                                                            {"viii", 8},
                                                                            {"ix", 9},
                                                                            {"x", 10},
                                                                            {"xx", 20},
                                                                            {"xxx", 30},
                                                                            {"", 0}}};
  std::size_t tens = 0;
  while (tens < word.size() && tens < 3 && word[tens] == 'x') ++tens;
  const std::string_view units = word.substr(tens);
  for (const auto& [text, value] : kUnits) {
    if (text == units && (value < 10 || units.empty())) {
      const int total = static_cast<int>(tens) * 10 + (value < 10 ? value : 0);
      return total;
    }
  }
  return 0;
}

bool all_digits(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> split_words(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// A one-letter Roman numeral is an article or an initial in many names ("I Giardini", "Pedro V
// Street"?): it counts only after a word, at the end or before a kind word ("Ponte Luís I").
bool numeral_position(const std::vector<std::string_view>& words, std::size_t i) {
  if (i == 0) return false;
  if (words[i].size() > 1) return true;
  return i + 1 == words.size() || !kind_token(words[i + 1]).empty();
}

// Appends what one folded word stands for.
void add_word(const std::vector<std::string_view>& words, std::size_t i, NameKey& key) {
  std::vector<std::string>& out = key.words;
  const std::string_view word = words[i];
  if (all_digits(word)) {
    out.push_back("#" +
                  std::string(word.substr(std::min(word.find_first_not_of('0'), word.size() - 1))));
    return;
  }
  if (const int roman = roman_value(word); roman > 0 && numeral_position(words, i)) {
    out.push_back("#" + std::to_string(roman));
    return;
  }
  if (word.size() == 1 || is_stop_word(word) || is_title(word)) return;
  if (const std::string_view kind = kind_token(word); !kind.empty()) {
    out.emplace_back(kind);
    return;
  }
  if (const std::string_view generic = generic_token(word); !generic.empty()) {
    out.emplace_back(generic);
    return;
  }
  // German-style compounds end in a kind word: "Frauenkirche", "Aussichtsturm", "Mariensäule".
  if (const auto [stem, kind] = split_compound(word); !kind.empty()) {
    const std::string_view generic = generic_token(stem);
    out.emplace_back(!generic.empty() ? std::string(generic)
                     : is_title(stem) ? std::string("=title")
                                      : stem);
    out.emplace_back(kind);
    return;
  }
  out.emplace_back(word);
}

bool is_city_word(const NameKey& city, const std::string& word) {
  return std::binary_search(city.words.begin(), city.words.end(), word);
}

// Walks two sorted word lists at once (no allocation: this runs for every pair of candidates).
template <class OnlyA, class OnlyB, class Both>
void walk(const NameKey& a, const NameKey& b, OnlyA only_a, OnlyB only_b, Both both) {
  auto x = a.words.begin();
  auto y = b.words.begin();
  while (x != a.words.end() || y != b.words.end()) {
    if (y == b.words.end() || (x != a.words.end() && *x < *y)) {
      only_a(*x++);
    } else if (x == a.words.end() || *y < *x) {
      only_b(*y++);
    } else {
      both(*x);
      ++x;
      ++y;
    }
  }
}

bool is_coordinate_text(std::string_view name) {
  // "55°41′47.00"N 12°32′59.20"E": a degree sign next to digits.
  for (std::size_t at = name.find("\xC2\xB0"); at != std::string_view::npos;
       at = name.find("\xC2\xB0", at + 2)) {
    if (at > 0 && name[at - 1] >= '0' && name[at - 1] <= '9') return true;
  }
  // "41.1456, -8.6146": only digits, signs, dots, commas and spaces, with a comma.
  const bool numeric = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+' || c == ' ';
  });
  return numeric && name.find(',') != std::string_view::npos;
}

}  // namespace

NameKey name_key(std::string_view utf8_name) {
  const std::string folded = fold_name(utf8_name);
  const std::vector<std::string_view> words = split_words(folded);
  NameKey key;
  for (std::size_t i = 0; i < words.size(); ++i) {
    add_word(words, i, key);
    // The given name after a title ("Dom Pedro Pitões", "Doutor Pedro Vitorino") is shared by too
    // many people to make two places one; the surname after it still can.
    if (i > 0 && is_title(words[i - 1]) && !key.words.empty() && key.words.back() == words[i]) {
      key.given_names.emplace_back(words[i]);
    }
  }
  for (std::vector<std::string>* list : {&key.words, &key.given_names}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return key;
}

bool is_distinctive(std::string_view word) {
  return !word.empty() && word.front() != '~' && word.front() != '=' && word.front() != '#';
}

bool same_sight_name(const NameKey& a, const NameKey& b, const NameKey& city) {
  if (a.words.empty() || b.words.empty()) return false;
  bool differ_outside_city = false;
  bool distinctive = false;
  bool distinctive_outside_city = false;
  const auto only = [&](const std::string& w) { differ_outside_city |= !is_city_word(city, w); };
  walk(a, b, only, only, [&](const std::string& w) {
    distinctive |= is_distinctive(w);
    distinctive_outside_city |= is_distinctive(w) && !is_city_word(city, w);
  });
  if (a == b) return distinctive;
  return !differ_outside_city && distinctive_outside_city;
}

bool numerals_disagree(const NameKey& a, const NameKey& b) {
  bool numerals_a = false;
  bool numerals_b = false;
  bool differ = false;
  walk(
      a,
      b,
      [&](const std::string& w) {
        differ |= w.front() == '#';
        numerals_a |= w.front() == '#';
      },
      [&](const std::string& w) {
        differ |= w.front() == '#';
        numerals_b |= w.front() == '#';
      },
      [&](const std::string& w) {
        numerals_a |= w.front() == '#';
        numerals_b |= w.front() == '#';
      });
  return numerals_a && numerals_b && differ;
}

bool share_distinctive_word(const NameKey& a, const NameKey& b, const NameKey& city) {
  if (numerals_disagree(a, b)) return false;
  bool shared = false;
  const auto ignore = [](const std::string&) {};
  walk(a, b, ignore, ignore, [&](const std::string& w) {
    const bool given = std::binary_search(a.given_names.begin(), a.given_names.end(), w) ||
                       std::binary_search(b.given_names.begin(), b.given_names.end(), w);
    shared |= w.size() >= 4 && is_distinctive(w) && !given && !is_city_word(city, w);
  });
  return shared;
}

bool is_place_name(std::string_view utf8_name) {
  const bool has_letter = std::any_of(utf8_name.begin(), utf8_name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0xC3;
  });
  return has_letter && !is_coordinate_text(utf8_name);
}

}  // namespace core::algo
