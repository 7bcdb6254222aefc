#include <gtest/gtest.h>

#include "shared/algo/place_names.h"
#include "shared/algo/romanize.h"

namespace {

using core::algo::has_romanizable_letters;
using core::algo::romanize;

TEST(Romanize, WritesRussianInLatinLettersAfterBgnPcgn) {
  EXPECT_EQ(romanize("Храм Троицы Живоначальной"), "Khram Troitsy Zhivonachalnoy");
  EXPECT_EQ(romanize("Музей книги"), "Muzey knigi");
  EXPECT_EQ(romanize("А. С. Грибоедову"), "A. S. Griboedovu");
  EXPECT_EQ(romanize("Щукинская Ёлка"), "Shchukinskaya Yolka")
      << "a capital's first Latin letter is upper case";
  EXPECT_EQ(romanize("Съезд"), "Sezd") << "hard and soft signs have no letter of their own";
}

TEST(Romanize, KnowsTheLettersOfOtherCyrillicLanguages) {
  EXPECT_EQ(romanize("Київ"), "Kiyiv");
  EXPECT_EQ(romanize("Ґанок"), "Ganok");
  EXPECT_EQ(romanize("Љубљана Ђурђевдан"), "Ljubljana Djurdjevdan");
}

TEST(Romanize, WritesGreekAfterElotWithItsVowelPairs) {
  EXPECT_EQ(romanize("Μουσείο Ακρόπολης"), "Mouseio Akropolis");
  EXPECT_EQ(romanize("Ναός του Ηφαίστου"), "Naos tou Ifaistou");
  EXPECT_EQ(romanize("Ευαγγελίστρια"), "Evaggelistria");
}

TEST(Romanize, LeavesEverythingElseAsItIs) {
  EXPECT_EQ(romanize("Palácio da Bolsa – 1842"), "Palácio da Bolsa – 1842");
  EXPECT_EQ(romanize("清水寺"), "清水寺") << "no letter table for Han characters";
  EXPECT_FALSE(has_romanizable_letters("Château de Nijō"));
  EXPECT_TRUE(has_romanizable_letters("Menshikov Tower (Меншикова башня)"));
  EXPECT_EQ(romanize("Menshikov Tower (Меншикова башня)"), "Menshikov Tower (Menshikova bashnya)");
}

TEST(LocalizedName, RomanisesAFallbackNameInCyrillic) {
  core::model::Attraction a;
  a.name = "Храм Троицы Живоначальной";
  a.tags = {{"name", "Храм Троицы Живоначальной"}};
  EXPECT_EQ(core::algo::localized_name(a, "en"), "Khram Troitsy Zhivonachalnoy");
  a.tags["name:de"] = "Dreifaltigkeitskirche";
  EXPECT_EQ(core::algo::localized_name(a, "de"), "Dreifaltigkeitskirche")
      << "a name in the language wins";
}

}  // namespace
