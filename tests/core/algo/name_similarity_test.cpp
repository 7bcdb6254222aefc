#include <gtest/gtest.h>

#include "shared/algo/name_similarity.h"

namespace {

using core::algo::fold_name;
using core::algo::same_name;

TEST(FoldName, RemovesDiacriticsCaseAndPunctuation) {
  EXPECT_EQ(fold_name("Sé do Porto"), "se do porto");
  EXPECT_EQ(fold_name("Straße"), "strasse");
  EXPECT_EQ(fold_name("St. Paul's  Cathedral"), "st paul s cathedral");
  EXPECT_EQ(fold_name("Kraków"), "krakow");
  EXPECT_EQ(fold_name("Œuvre Ærø Łódź"), "oeuvre aero lodz");
  EXPECT_EQ(fold_name("  --  "), "");
  EXPECT_EQ(fold_name("Christian den VII´s Palæ"), "christian den vii s palae");
  EXPECT_EQ(fold_name("King’s Cross – Station"), "king s cross station");
  // Other scripts pass through (lower-casing is only for ASCII).
  EXPECT_EQ(fold_name("Музей"), "Музей");
}

TEST(SameName, MatchesNearIdenticalAndContainedNames) {
  EXPECT_TRUE(same_name(fold_name("Torre dos Clérigos"), fold_name("Torre dos Clerigos")));
  EXPECT_TRUE(same_name(fold_name("Siegessäule"), fold_name("Berliner Siegessäule")));
  EXPECT_TRUE(
      same_name(fold_name("Museu do Vinho do Porto"), fold_name("Museu do Vinho do Porto.")));
  EXPECT_FALSE(same_name(fold_name("Frauenkirche"), fold_name("Liebfrauendom")));
  EXPECT_FALSE(same_name(fold_name("Sé"), fold_name("Sé Nova")));  // too short to be contained
  EXPECT_FALSE(same_name(fold_name("Igreja do Carmo"), fold_name("Igreja dos Carmelitas")));
  EXPECT_FALSE(same_name("", "anything"));
}

TEST(NameSimilarity, IsOneMinusRelativeEditDistance) {
  EXPECT_DOUBLE_EQ(core::algo::name_similarity("abcd", "abcd"), 1.0);
  EXPECT_DOUBLE_EQ(core::algo::name_similarity("abcd", "abce"), 0.75);
  EXPECT_DOUBLE_EQ(core::algo::name_similarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(core::algo::name_similarity("ab", ""), 0.0);
}

}  // namespace
