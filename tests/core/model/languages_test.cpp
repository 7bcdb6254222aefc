#include <gtest/gtest.h>

#include "shared/errors.h"
#include "shared/model/generation_options.h"
#include "shared/model/languages.h"

namespace {

using namespace core::model;

TEST(Languages, ASupportedTagIsItsPrimarySubtag) {
  EXPECT_EQ(primary_language("pt-BR"), "pt");
  EXPECT_EQ(primary_language("EN"), "en");
  EXPECT_TRUE(is_supported_language("pt-BR"));
  EXPECT_TRUE(is_supported_language("de"));
  EXPECT_FALSE(is_supported_language("xx"));
  EXPECT_FALSE(is_supported_language("ja"));
  EXPECT_EQ(supported_languages_text(),
            "de (German), en (English), es (Spanish), fr (French), it (Italian), pt (Portuguese)");
}

TEST(Languages, ACountrysNamesAreInItsOnlyOfficialSupportedLanguage) {
  EXPECT_EQ(country_language("PT"), "pt");
  EXPECT_EQ(country_language("AT"), "de");
  EXPECT_EQ(country_language("MC"), "fr");
  EXPECT_EQ(country_language("CH"), "") << "four official languages";
  EXPECT_EQ(country_language("JP"), "");
}

TEST(Languages, ValidationRefusesAnUnsupportedLanguageWithTheList) {
  GenerationOptions options;
  options.language = "xx";
  try {
    validate(options);
    FAIL() << "xx was accepted";
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.code(), "unsupported_language");
    EXPECT_EQ(std::string(e.what()),
              "options.language \"xx\" is not supported; supported languages: " +
                  supported_languages_text());
  }
  options.language = "fr-CA";
  EXPECT_NO_THROW(validate(options));
}

}  // namespace
