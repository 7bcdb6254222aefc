#include "shared/model/languages.h"

#include <algorithm>
#include <array>
#include <utility>

namespace core::model {

std::string primary_language(std::string_view tag) {
  const std::string_view primary = tag.substr(0, std::min(tag.find_first_of("-_"), tag.size()));
  std::string lower(primary);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return lower;
}

bool is_supported_language(std::string_view tag) {
  const std::string code = primary_language(tag);
  return std::any_of(kSupportedLanguages.begin(),
                     kSupportedLanguages.end(),
                     [&](const Language& language) { return language.code == code; });
}

std::string country_language(std::string_view country_code) {
  // ISO 3166-1 alpha-2 codes of countries with one official language among the supported ones.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kCountries{
      {{"AR", "es"}, {"AT", "de"}, {"AU", "en"}, {"BO", "es"}, {"BR", "pt"}, {"CL", "es"},
       {"CO", "es"}, {"CR", "es"}, {"CU", "es"}, {"DE", "de"}, {"DO", "es"}, {"EC", "es"},
       {"ES", "es"}, {"FR", "fr"}, {"GB", "en"}, {"GT", "es"}, {"HN", "es"}, {"IE", "en"},
       {"IT", "it"}, {"LI", "de"}, {"MC", "fr"}, {"MX", "es"}, {"MZ", "pt"}, {"NI", "es"},
       {"NZ", "en"}, {"AO", "pt"}, {"PA", "es"}, {"PE", "es"}, {"PT", "pt"}, {"PY", "es"},
       {"SM", "it"}, {"SV", "es"}, {"US", "en"}, {"UY", "es"}, {"VA", "it"}, {"VE", "es"},
       {"CV", "pt"}, {"GW", "pt"}, {"ST", "pt"}, {"TL", "pt"}}};
  for (const auto& [country, language] : kCountries) {
    if (country == country_code) return std::string(language);
  }
  return "";
}

std::string supported_languages_text() {
  std::string text;
  for (const Language& language : kSupportedLanguages) {
    if (!text.empty()) text += ", ";
    text += std::string(language.code) + " (" + std::string(language.name) + ")";
  }
  return text;
}

}  // namespace core::model
