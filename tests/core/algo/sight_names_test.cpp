#include <gtest/gtest.h>

#include "shared/algo/sight_names.h"

namespace {

using core::algo::name_key;
using core::algo::NameKey;

bool same(const char* a, const char* b, const char* city = "") {
  return core::algo::same_sight_name(name_key(a), name_key(b), name_key(city));
}

bool share(const char* a, const char* b, const char* city = "") {
  return core::algo::share_distinctive_word(name_key(a), name_key(b), name_key(city));
}

TEST(NameKey, ReadsKindsInAnyLanguageAndIgnoresArticlesAndOrder) {
  EXPECT_EQ(name_key("Torre degli Asinelli").words,
            (std::vector<std::string>{"asinelli", "~tower"}));
  EXPECT_EQ(name_key("Asinelli Tower"), name_key("Torre degli Asinelli"));
  EXPECT_EQ(name_key("Gaflei Aussichtsturm"), name_key("Aussichtsturm Gaflei"));
  EXPECT_EQ(name_key("Aussichtsturm Gaflei").words,
            (std::vector<std::string>{"aussichts", "gaflei", "~tower"}));
  EXPECT_EQ(name_key("Igreja dos Clérigos").words,
            (std::vector<std::string>{"clerigos", "~church"}));
  EXPECT_EQ(name_key("Église Saint-Pierre").words,
            (std::vector<std::string>{"=saint", "pierre", "~church"}));
  EXPECT_EQ(name_key("Frauenkirche").words, (std::vector<std::string>{"frauen", "~church"}));
  EXPECT_EQ(name_key("Liebfrauendom").words,
            (std::vector<std::string>{"liebfrauen", "~cathedral"}));
}

TEST(NameKey, WritesNumeralsAsNumbers) {
  EXPECT_EQ(name_key("Christian den VII´s Palæ").words,
            (std::vector<std::string>{"#7", "christian", "~palace"}));
  EXPECT_EQ(name_key("Alexander II").words, (std::vector<std::string>{"#2", "alexander"}));
  EXPECT_EQ(name_key("Ponte Luís I"), name_key("Luís I Bridge"));
  EXPECT_EQ(name_key("Ponte Dom Luís I"), name_key("Luís I Bridge")) << "Dom is an honorific";
  EXPECT_EQ(name_key("Revolta 31 Janeiro 1891").words,
            (std::vector<std::string>{"#1891", "#31", "janeiro", "revolta"}));
  // A lone "I" that starts a name is an article, not a numeral.
  EXPECT_EQ(name_key("I Giardini Pubblici").words,
            (std::vector<std::string>{"pubblici", "~garden"}));
}

TEST(SameSightName, MatchesOneSightInTwoLanguagesOrWordOrders) {
  EXPECT_TRUE(same("Torre degli Asinelli di Testville", "Asinelli Tower of Testville"));
  EXPECT_TRUE(same("Gaflei Aussichtsturm", "Aussichtsturm Gaflei"));
  EXPECT_TRUE(same("Torre dos Clérigos", "Clérigos Tower"));
  EXPECT_TRUE(same("Sé do Porto", "Porto Cathedral", "Porto"));
  EXPECT_TRUE(same("Torre degli Asinelli", "Asinelli Tower of Bologna", "Bologna"))
      << "the city's name is left out";
}

TEST(SameSightName, KeepsDistinctSightsWithCloseNamesApart) {
  EXPECT_FALSE(same("Neues Rathaus", "Altes Rathaus"));
  EXPECT_FALSE(same("Alexander I", "Alexander II"));
  EXPECT_FALSE(same("Christian den VII´s Palæ", "Christian den IX´s Palæ"));
  EXPECT_FALSE(same("Igreja do Carmo", "Igreja dos Carmelitas"));
  EXPECT_FALSE(same("Museu", "Museum")) << "a kind alone names no sight in particular";
  EXPECT_FALSE(same("Porto", "Sé do Porto", "Porto"));
}

TEST(ShareDistinctiveWord, FindsPartsOfOneSightButNotNumeralsOrKinds) {
  EXPECT_TRUE(share("Torre dos Clérigos", "Igreja dos Clérigos"));
  EXPECT_TRUE(share("Mosteiro de São Bento da Vitória", "Igreja de São Bento da Vitória"));
  EXPECT_FALSE(share("Neues Rathaus", "Altes Rathaus"));
  EXPECT_FALSE(share("Alexander I", "Alexander II"));
  EXPECT_FALSE(share("Christian den VII´s Palæ", "Christian den IX´s Palæ"));
  EXPECT_FALSE(share("Igreja de São Pedro", "Capela de São Paulo")) << "saints' titles are generic";
  EXPECT_FALSE(share("Museu do Porto", "Torre do Porto", "Porto")) << "the city's name is generic";
}

TEST(ShareDistinctiveWord, AGivenNameAfterATitleIsNotEnough) {
  EXPECT_FALSE(share("Chafariz do Largo do Doutor Pedro Vitorino", "Torre de Dom Pedro Pitões"));
  EXPECT_TRUE(share("Torre de Dom Pedro Pitões", "Dom Pedro Pitões"));
  EXPECT_FALSE(share("Kaiser Ludwig der Bayer", "Kaiserburg"))
      << "a title in a compound is a title";
  EXPECT_EQ(name_key("Ponte Dom Luís I"), name_key("Luís I Bridge"))
      << "the given name still names the bridge";
}

TEST(IsPlaceName, RefusesCoordinatesAndNumbers) {
  EXPECT_FALSE(core::algo::is_place_name("55°41′47.00\"N 12°32′59.20\"E"));
  EXPECT_FALSE(core::algo::is_place_name("41.1456, -8.6146"));
  EXPECT_FALSE(core::algo::is_place_name("  "));
  EXPECT_FALSE(core::algo::is_place_name("1914"));
  EXPECT_TRUE(core::algo::is_place_name("Sunshine 60"));
  EXPECT_TRUE(core::algo::is_place_name("Музей"));
  EXPECT_TRUE(core::algo::is_place_name("Mirador Riu Runer (1.500m)"));
}

}  // namespace
