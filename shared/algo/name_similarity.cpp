#include "shared/algo/name_similarity.h"

#include <algorithm>
#include <array>
#include <vector>

namespace core::algo {
namespace {

// ASCII spelling of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), generated
// from Unicode NFKD decompositions with the usual special cases (ß, æ, ø, œ, ł, þ).
constexpr std::array<const char*, 192> kLatinFold{
    "a", "a", "a",  "a",  "a", "a", "ae", "c",  "e",  "e", "e", "e", "i",  "i",  "i", "i", "d", "n",
    "o", "o", "o",  "o",  "o", " ", "o",  "u",  "u",  "u", "u", "y", "th", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i",  "i", "i", "i", "d",  "n",  "o", "o", "o", "o",
    "o", " ", "o",  "u",  "u", "u", "u",  "y",  "th", "y", "a", "a", "a",  "a",  "a", "a", "c", "c",
    "c", "c", "c",  "c",  "c", "c", "d",  "d",  "d",  "d", "e", "e", "e",  "e",  "e", "e", "e", "e",
    "e", "e", "g",  "g",  "g", "g", "g",  "g",  "g",  "g", "h", "h", "h",  "h",  "i", "i", "i", "i",
    "i", "i", "i",  "i",  "i", "i", "ij", "ij", "j",  "j", "k", "k", "k",  "l",  "l", "l", "l", "l",
    "l", "l", "l",  "l",  "l", "n", "n",  "n",  "n",  "n", "n", "n", "n",  "n",  "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r",  "r", "s", "s", "s",  "s",  "s", "s", "s", "s",
    "t", "t", "t",  "t",  "t", "t", "u",  "u",  "u",  "u", "u", "u", "u",  "u",  "u", "u", "u", "u",
    "w", "w", "y",  "y",  "y", "z", "z",  "z",  "z",  "z", "z", "s",
};

// A byte sequence that is not one complete character of up to 3 bytes: passed through as is.
constexpr char32_t kUndecoded = 0x110000;

bool is_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

void append_folded(std::string& out, char32_t code_point, std::string_view raw) {
  if (code_point < 0x80) {
    const char c = static_cast<char>(code_point);
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  } else if (code_point == kUndecoded) {
    out += raw;
  } else if (code_point < 0xC0 || (code_point >= 0x2000 && code_point < 0x2070)) {
    // Latin-1 symbols (´ ° « ») and general punctuation (’ – “ …) separate words like ASCII
    // punctuation: "Christian VII´s" is "christian vii s".
    out += ' ';
  } else if (code_point >= 0xC0 && code_point < 0x180) {
    out += kLatinFold[code_point - 0xC0];
  } else {
    out += raw;
  }
}

bool contains_words(std::string_view haystack, std::string_view needle) {
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1)) {
    const bool starts = pos == 0 || haystack[pos - 1] == ' ';
    const std::size_t end = pos + needle.size();
    const bool ends = end == haystack.size() || haystack[end] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::string fold_name(std::string_view utf8_name) {
  std::string folded;
  folded.reserve(utf8_name.size());
  for (std::size_t i = 0; i < utf8_name.size();) {
    const auto lead = static_cast<unsigned char>(utf8_name[i]);
    std::size_t length = 1;
    char32_t code_point = lead < 0x80 ? lead : kUndecoded;
    if (lead >= 0xC0 && lead < 0xE0 && i + 1 < utf8_name.size()) {
      length = 2;
      code_point = (static_cast<char32_t>(lead & 0x1F) << 6) |
                   (static_cast<unsigned char>(utf8_name[i + 1]) & 0x3FU);
    } else if (lead >= 0xE0 && lead < 0xF0 && i + 2 < utf8_name.size()) {
      length = 3;
      code_point = (static_cast<char32_t>(lead & 0x0F) << 12) |
                   ((static_cast<unsigned char>(utf8_name[i + 1]) & 0x3FU) << 6) |
                   (static_cast<unsigned char>(utf8_name[i + 2]) & 0x3FU);
    } else if (lead >= 0xE0 && lead < 0xF0) {
      length = 3;
    } else if (lead >= 0xF0) {
      length = 4;
    }
    length = std::min(length, utf8_name.size() - i);
    append_folded(folded, code_point, utf8_name.substr(i, length));
    i += length;
  }
  // Punctuation and runs of spaces become one space, so "St. Paul's" == "St Paul s".
  std::string words;
  words.reserve(folded.size());
  for (const char c : folded) {
    if (is_word_char(static_cast<unsigned char>(c))) {
      words += c;
    } else if (!words.empty() && words.back() != ' ') {
      words += ' ';
    }
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  return words;
}

double name_similarity(std::string_view folded_a, std::string_view folded_b) {
  EditRows rows;
  return name_similarity(folded_a, folded_b, rows);
}

double name_similarity(std::string_view folded_a, std::string_view folded_b, EditRows& rows) {
  const std::size_t longer = std::max(folded_a.size(), folded_b.size());
  if (longer == 0) return 1.0;
  // Two-row Levenshtein over bytes: names are short, and folding made most of them ASCII.
  std::vector<std::size_t>& previous = rows.previous;
  std::vector<std::size_t>& current = rows.current;
  previous.resize(folded_b.size() + 1);
  current.resize(folded_b.size() + 1);
  for (std::size_t j = 0; j <= folded_b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= folded_a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= folded_b.size(); ++j) {
      const std::size_t substitution =
          previous[j - 1] + (folded_a[i - 1] == folded_b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return 1.0 - static_cast<double>(previous[folded_b.size()]) / static_cast<double>(longer);
}

bool same_name(std::string_view folded_a, std::string_view folded_b) {
  EditRows rows;
  return same_name(folded_a, folded_b, rows);
}

bool same_name(std::string_view folded_a, std::string_view folded_b, EditRows& rows) {
  if (folded_a.empty() || folded_b.empty()) return false;
  if (folded_a == folded_b || name_similarity(folded_a, folded_b, rows) >= 0.85) return true;
  const std::string_view shorter = folded_a.size() < folded_b.size() ? folded_a : folded_b;
  const std::string_view longer = folded_a.size() < folded_b.size() ? folded_b : folded_a;
  return shorter.size() >= 5 && contains_words(longer, shorter);
}

}  // namespace core::algo
