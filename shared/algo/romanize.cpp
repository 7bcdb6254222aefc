#include "shared/algo/romanize.h"

#include <array>
#include <cctype>

namespace core::algo {
namespace {

// Lower-case romanisations, indexed from the script's first lower-case letter.
// Cyrillic U+0430..U+045F: а..я, then ѐ..џ (Ukrainian, Belarusian, Serbian, Macedonian letters).
constexpr std::array<std::string_view, 48> kCyrillic{
    "a", "b",  "v",  "g",  "d",  "e",  "zh", "z",  "i",  "y",    "k",  "l", "m",  "n", "o",  "p",
    "r", "s",  "t",  "u",  "f",  "kh", "ts", "ch", "sh", "shch", "",   "y", "",   "e", "yu", "ya",
    "e", "yo", "dj", "gj", "ye", "dz", "i",  "yi", "j",  "lj",   "nj", "c", "kj", "i", "u",  "dz"};

// Greek U+03AC..U+03CE: ά έ ή ί ΰ α..ω ϊ ϋ ό ύ ώ.
constexpr std::array<std::string_view, 35> kGreek{
    "a", "e", "i", "i", "y", "a", "v", "g", "d", "e",  "z",  "i", "th", "i", "k", "l", "m", "n",
    "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "i",  "y", "o", "y", "o"};

// One romanised letter: empty when `code_point` is not a letter of the two scripts.
std::string_view latin_of(char32_t code_point, bool& upper) {
  upper = false;
  if (code_point >= 0x0400 && code_point <= 0x040F) {  // Ѐ..Џ
    upper = true;
    return kCyrillic[code_point - 0x0400 + 32];
  }
  if (code_point >= 0x0410 && code_point <= 0x042F) {  // А..Я
    upper = true;
    return kCyrillic[code_point - 0x0410];
  }
  if (code_point >= 0x0430 && code_point <= 0x045F) return kCyrillic[code_point - 0x0430];
  if (code_point == 0x0490 || code_point == 0x0491) {  // Ґ ґ
    upper = code_point == 0x0490;
    return "g";
  }
  if (code_point >= 0x0391 && code_point <= 0x03A9 && code_point != 0x03A2) {  // Α..Ω
    upper = true;
    return kGreek[code_point - 0x0391 + 5];
  }
  if (code_point >= 0x03AC && code_point <= 0x03CE) return kGreek[code_point - 0x03AC];
  switch (code_point) {  // upper-case Greek with tonos
  case 0x0386: upper = true; return "a";
  case 0x0388: upper = true; return "e";
  case 0x0389: upper = true; return "i";
  case 0x038A: upper = true; return "i";
  case 0x038C: upper = true; return "o";
  case 0x038E: upper = true; return "y";
  case 0x038F: upper = true; return "o";
  case 0x0390: return "i";
  default: return {};
  }
}

// Greek vowel pairs written as one sound: ου -> "ou", αυ -> "av", ευ -> "ev" (ELOT 743 writes
// "af"/"ef" before voiceless consonants; "av"/"ev" everywhere keeps the table simple).
std::string_view greek_pair(char32_t first, char32_t second) {
  const bool upsilon = second == 0x03C5 || second == 0x03CD || second == 0x03A5;
  if (!upsilon) return {};
  switch (first) {
  case 0x03BF:
  case 0x039F:
  case 0x03CC: return "ou";
  case 0x03B1:
  case 0x0391:
  case 0x03AC: return "av";
  case 0x03B5:
  case 0x0395:
  case 0x03AD: return "ev";
  default: return {};
  }
}

bool is_sign(char32_t code_point) {  // soft and hard signs: no Latin letter of their own
  return code_point == 0x044A || code_point == 0x044C || code_point == 0x042A ||
         code_point == 0x042C;
}

// Decodes the two-byte sequence at `text[i]` (both scripts live in U+0080..U+07FF).
char32_t two_byte_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0xC0 || lead >= 0xE0 || i + 1 >= text.size()) return 0;
  const auto next = static_cast<unsigned char>(text[i + 1]);
  if ((next & 0xC0U) != 0x80U) return 0;
  return (static_cast<char32_t>(lead & 0x1FU) << 6U) | (next & 0x3FU);
}

}  // namespace

bool has_romanizable_letters(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const char32_t code_point = two_byte_at(utf8, i);
    bool upper = false;
    if (code_point != 0 && (!latin_of(code_point, upper).empty() || is_sign(code_point)))
      return true;
  }
  return false;
}

std::string romanize(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t code_point = two_byte_at(utf8, i);
    bool upper = false;
    const std::string_view latin =
        code_point == 0 ? std::string_view{} : latin_of(code_point, upper);
    if (latin.empty() && !is_sign(code_point)) {
      out += utf8[i++];
      continue;
    }
    const std::size_t first = out.size();
    const std::string_view pair =
        i + 2 < utf8.size() ? greek_pair(code_point, two_byte_at(utf8, i + 2)) : "";
    out += pair.empty() ? latin : pair;
    if (!pair.empty()) i += 2;
    if (upper && out.size() > first)
      out[first] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[first])));
    i += 2;
  }
  return out;
}

}  // namespace core::algo
