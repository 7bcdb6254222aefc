#pragma once

#include <string>
#include <string_view>

namespace core::algo {

/// True if `utf8` holds a Cyrillic or Greek letter (the scripts romanize() writes in Latin).
bool has_romanizable_letters(std::string_view utf8);

/// `utf8` with its Cyrillic and Greek letters written in Latin letters, one table per script
/// (Cyrillic after BGN/PCGN for Russian, with the letters of Ukrainian, Belarusian, Serbian and
/// Macedonian; Greek after ELOT 743), simplified to plain ASCII: soft and hard signs are dropped
/// and "Щ" becomes "Shch". Everything else is copied as is. Pure.
std::string romanize(std::string_view utf8);

}  // namespace core::algo
