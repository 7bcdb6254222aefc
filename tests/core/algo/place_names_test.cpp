#include <gtest/gtest.h>

#include "shared/algo/place_names.h"

namespace {

using core::algo::localized_name;
using core::model::Attraction;

TEST(LocalizedName, FallsBackFromTheLanguageToEnglishToTheLocalName) {
  Attraction a;
  a.name = "Torre dos Clérigos";
  a.tags = {{"name", "Torre dos Clérigos"},
            {"name:en", "Clerics Tower"},
            {"name:it", "Torre dei Chierici"}};
  EXPECT_EQ(localized_name(a, "it"), "Torre dei Chierici");
  EXPECT_EQ(localized_name(a, "de"), "Clerics Tower");
  EXPECT_EQ(localized_name(a, "pt-BR"), "Clerics Tower")
      << "no name:pt, and no telling the local name's language";
  EXPECT_EQ(localized_name(a, "pt-BR", "pt"), "Torre dos Clérigos")
      << "in Portugal the local name is Portuguese";
  EXPECT_EQ(localized_name(a, "de", "pt"), "Clerics Tower");
  a.tags.erase("name:en");
  EXPECT_EQ(localized_name(a, "de"), "Torre dos Clérigos");
}

TEST(LocalizedName, SkipsNamesThatAreNotNames) {
  Attraction a;
  a.name = "55°41′47.00\"N 12°32′59.20\"E";
  EXPECT_EQ(localized_name(a, "en"), "");
  a.tags = {{"name:en", "Old Observatory"}};
  EXPECT_EQ(localized_name(a, "en"), "Old Observatory");
  a.tags = {{"name", "John Rogers;John Bradford;  John Philpot "}};
  EXPECT_EQ(localized_name(a, "en"), "John Rogers, John Bradford, John Philpot");
  Attraction google;
  google.name = "Livraria Lello";  // Google names come localized already, with no tags
  EXPECT_EQ(localized_name(google, "fr"), "Livraria Lello");
}

TEST(AllNames, ListsEveryNameOnceWithAlternatives) {
  Attraction a;
  a.name = "Associação Comercial do Porto";
  a.tags = {{"name", "Associação Comercial do Porto"},
            {"alt_name", "Palácio da Associação Comercial do Porto;Palácio da Bolsa"},
            {"name:en", "Stock Exchange Palace"}};
  EXPECT_EQ(core::algo::all_names(a),
            (std::vector<std::string>{"Associação Comercial do Porto",
                                      "Stock Exchange Palace",
                                      "Palácio da Associação Comercial do Porto",
                                      "Palácio da Bolsa"}));
}

}  // namespace
