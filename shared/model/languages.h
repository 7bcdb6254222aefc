#pragma once

#include <array>
#include <string>
#include <string_view>

namespace core::model {

/// A language a city document can be generated in: stop names, descriptions and the words the
/// filter writes are in it (with a fallback chain where the data has no such name).
struct Language {
  std::string_view code;  ///< ISO 639-1, lower case: "pt"
  std::string_view name;  ///< its English name: "Portuguese"
};

/// The supported languages, by code. A BCP-47 tag is supported when its primary subtag is one of
/// these ("pt-BR" is Portuguese).
inline constexpr std::array<Language, 6> kSupportedLanguages{{{"de", "German"},
                                                              {"en", "English"},
                                                              {"es", "Spanish"},
                                                              {"fr", "French"},
                                                              {"it", "Italian"},
                                                              {"pt", "Portuguese"}}};

/// The primary subtag of a language tag, lower case: "pt-BR" -> "pt", "EN" -> "en".
std::string primary_language(std::string_view tag);

/// True when the primary subtag of `tag` is a supported language.
bool is_supported_language(std::string_view tag);

/// The supported language a country's place names are mostly in ("PT" -> "pt", "AT" -> "de"),
/// or empty when it has none of them or several (Switzerland, Belgium).
std::string country_language(std::string_view country_code);

/// The list for messages people read: "de (German), en (English), ...".
std::string supported_languages_text();

}  // namespace core::model
