#include <gtest/gtest.h>

#include "shared/algo/stop_description.h"

namespace {

using core::algo::describe;
using core::algo::PlaceKind;
using core::model::Attraction;

Attraction with_tags(std::map<std::string, std::string> tags,
                     std::vector<std::string> types = {"church"}) {
  Attraction a;
  a.name = "Igreja";
  a.tags = std::move(tags);
  a.types = std::move(types);
  return a;
}

TEST(Describe, PrefersTheSourcesDescriptionInTheDocumentsLanguage) {
  const Attraction a =
      with_tags({{"description:de", "Barocke Kirche."},
                 {"description:en", "Baroque church."},
                 {"description", "Igreja barroca do século XVIII, com a fachada de azulejos."}});
  EXPECT_EQ(describe(a, PlaceKind::Religious, "de"), "Barocke Kirche.");
  EXPECT_EQ(describe(a, PlaceKind::Religious, "en-GB"), "Baroque church.");
  EXPECT_EQ(describe(a, PlaceKind::Religious, "pt"),
            "Igreja barroca do século XVIII, com a fachada de azulejos.")
      << "an untagged description written in the document's language";
}

TEST(Describe, BuildsAFactualLineFromTagsInTheDocumentsLanguage) {
  const Attraction a = with_tags({{"denomination", "roman_catholic"},
                                  {"start_date", "1732-05"},
                                  {"architect", "Nicolau Nasoni;António Pereira"},
                                  {"heritage", "2"}});
  EXPECT_EQ(describe(a, PlaceKind::Religious, "en"),
            "Church (Roman Catholic); dated 1732; architect: Nicolau Nasoni, António Pereira; "
            "listed heritage site.");
  EXPECT_EQ(
      describe(a, PlaceKind::Religious, "de"),
      "Kirche (römisch-katholisch); aus dem Jahr 1732; Architekt: Nicolau Nasoni, António Pereira; "
      "denkmalgeschützt.");
  const Attraction gate =
      with_tags({{"historic", "city_gate"}, {"start_date", "C14"}}, {"historical_landmark"});
  EXPECT_EQ(describe(gate, PlaceKind::Landmark, "fr"), "Porte de ville.") << "a century is no year";
  const Attraction bust =
      with_tags({{"historic", "memorial"}, {"memorial", "bust"}, {"start_date", "1814"}},
                {"memorial", "plaque"});
  EXPECT_EQ(describe(bust, PlaceKind::Plaque, "it"), "Busto; del 1814.");
}

TEST(Describe, SaysWhichLanguageADescriptionIsInWhenItHasNothingElse) {
  const Attraction a = with_tags(
      {{"description", "Die Burg ist nicht zugänglich und ist in Privatbesitz."}}, {"castle"});
  EXPECT_EQ(describe(a, PlaceKind::Castle, "en"),
            "Die Burg ist nicht zugänglich und ist in Privatbesitz. (in German)");
  EXPECT_EQ(describe(a, PlaceKind::Castle, "fr"),
            "Die Burg ist nicht zugänglich und ist in Privatbesitz. (en allemand)");
  // Facts in the document's language win over a description in another one.
  Attraction dated = a;
  dated.tags["start_date"] = "1200";
  EXPECT_EQ(describe(dated, PlaceKind::Castle, "en"), "Castle; dated 1200.");
  EXPECT_EQ(describe(with_tags({}, {"observation_deck"}), PlaceKind::Viewpoint, "pt"),
            "Miradouro.");
}

TEST(PartsSentence, NamesAtMostFourParts) {
  EXPECT_EQ(core::algo::parts_sentence({}, "en"), "");
  EXPECT_EQ(core::algo::parts_sentence({"Glockenspiel", "Turm"}, "en"),
            "Includes: Glockenspiel, Turm.");
  EXPECT_EQ(core::algo::parts_sentence({"A", "B", "C", "D", "E", "F"}, "de"),
            "Mit: A, B, C, D und 2 weitere.");
}

}  // namespace
