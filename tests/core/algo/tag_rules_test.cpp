// Each tag rule of the filter, table-driven: the tags a source gives, the kind the types give,
// and what the filter must conclude.
#include <gtest/gtest.h>

#include "shared/algo/tag_rules.h"

namespace {

using core::algo::PlaceKind;
using core::model::Attraction;

struct Case {
  const char* what;
  std::map<std::string, std::string> tags;
  std::vector<std::string> types;
  PlaceKind kind;
  const char* drop;  // expected reason, "" when it stays a stop
  const char* note = "";
  std::string wikidata = "";
  std::string wikipedia = "";
  int name_variants = 0;
  int rating_count = 0;
};

Attraction candidate(const Case& c) {
  Attraction a;
  a.name = "Somewhere";
  a.tags = c.tags;
  a.types = c.types;
  a.wikidata = c.wikidata;
  a.wikipedia = c.wikipedia;
  a.name_variants = c.name_variants;
  a.rating_count = c.rating_count;
  return a;
}

TEST(TagRules, DecideEachRuleByTags) {
  const std::vector<Case> cases{
      {"a gallery that is a shop",
       {{"tourism", "gallery"}, {"shop", "art"}},
       {"art_gallery"},
       PlaceKind::Gallery,
       "commercial gallery (shop=art)",
       "",
       "Q1",
       "de:Dealer"},
      {"a gallery with no public or cultural signal",
       {{"tourism", "gallery"}},
       {"art_gallery"},
       PlaceKind::Gallery,
       "commercial gallery (no public or cultural signal)"},
      {"a public gallery (an arts centre)",
       {{"tourism", "gallery"}, {"amenity", "arts_centre"}},
       {"art_gallery"},
       PlaceKind::Gallery,
       ""},
      {"a gallery with an entrance fee",
       {{"tourism", "gallery"}, {"fee", "yes"}},
       {"art_gallery"},
       PlaceKind::Gallery,
       ""},
      {"a gallery with a Wikidata item",
       {{"tourism", "gallery"}},
       {"art_gallery"},
       PlaceKind::Gallery,
       "",
       "",
       "Q2"},
      {"a ministry in a historic building",
       {{"historic", "building"}, {"office", "government"}},
       {"historical_landmark"},
       PlaceKind::Landmark,
       "office building (office=government)",
       "",
       "Q3",
       "de:X"},
      {"an office building",
       {{"historic", "building"}, {"building", "office"}},
       {"historical_landmark"},
       PlaceKind::Landmark,
       "office building (building=office)"},
      {"a town hall with offices",
       {{"office", "government"}, {"amenity", "townhall"}, {"tourism", "attraction"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       ""},
      {"a historic ship used as an office",
       {{"historic", "ship"}, {"office", "ngo"}},
       {"historical_landmark"},
       PlaceKind::Landmark,
       ""},
      {"a shopping mall",
       {{"shop", "mall"}, {"tourism", "attraction"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       "shopping mall (shop=mall)"},
      {"a Google shopping mall",
       {},
       {"shopping_mall", "tourist_attraction"},
       PlaceKind::Attraction,
       "shopping mall (Google shopping_mall)",
       "",
       "",
       "",
       0,
       30000},
      {"a historic shopping arcade",
       {},
       {"shopping_mall", "historical_landmark"},
       PlaceKind::Landmark,
       ""},
      {"a greengrocer tagged as an attraction",
       {{"shop", "greengrocer"}, {"tourism", "attraction"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       "shop, no sight signal (shop=greengrocer)",
       "",
       "Q4"},
      {"a listed bookshop",
       {{"shop", "books"}, {"tourism", "attraction"}, {"heritage:ref", "MIP"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       ""},
      {"a famous beer hall",
       {{"amenity", "restaurant"}, {"tourism", "attraction"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       "",
       "",
       "Q5",
       "de:Beer hall",
       5},
      {"a cafe tagged as an attraction",
       {{"amenity", "cafe"}, {"tourism", "attraction"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       "restaurant, cafe or bar, no sight signal (amenity=cafe)"},
      {"a station hall with a historic tag",
       {{"railway", "station"}, {"tourism", "attraction"}, {"historic", "yes"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       ""},
      {"a market hall",
       {{"amenity", "marketplace"}, {"tourism", "attraction"}, {"heritage", "2"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       ""},
      {"a private castle",
       {{"historic", "castle"}, {"access", "private"}},
       {"castle"},
       PlaceKind::Castle,
       "private, no public access (access=private)"},
      {"a famous private castle",
       {{"historic", "castle"}, {"access", "private"}},
       {"castle"},
       PlaceKind::Castle,
       "",
       "private: seen from outside",
       "Q6",
       "de:Schloss"},
      {"no entry on foot",
       {{"tourism", "viewpoint"}, {"foot", "no"}},
       {"observation_deck"},
       PlaceKind::Viewpoint,
       "private, no public access (foot=no)"},
      {"a demolished building",
       {{"tourism", "attraction"}, {"demolished", "yes"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       "demolished or gone (demolished=yes)"},
      {"only a former attraction",
       {{"was:tourism", "attraction"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       "demolished or gone (was:tourism=attraction)"},
      {"a garden where a church was",
       {{"leisure", "garden"}, {"demolished:building", "church"}},
       {"garden"},
       PlaceKind::Garden,
       ""},
      {"a disused attraction",
       {{"tourism", "attraction"}, {"disused", "yes"}},
       {"tourist_attraction"},
       PlaceKind::Attraction,
       "disused (disused=yes)"},
      {"a disused pillory",
       {{"historic", "pillory"}, {"disused", "yes"}},
       {"historical_landmark"},
       PlaceKind::Landmark,
       ""},
      {"closed for good (Google)",
       {{"businessStatus", "CLOSED_PERMANENTLY"}},
       {"museum"},
       PlaceKind::Museum,
       "permanently closed (Google businessStatus)"},
      {"closed for now (Google)",
       {{"businessStatus", "CLOSED_TEMPORARILY"}},
       {"museum"},
       PlaceKind::Museum,
       "temporarily closed (Google businessStatus)"},
      {"open (Google)", {{"businessStatus", "OPERATIONAL"}}, {"museum"}, PlaceKind::Museum, ""},
  };
  for (const Case& c : cases) {
    const core::algo::TagReading reading = core::algo::read_tags(candidate(c), c.kind);
    EXPECT_EQ(reading.drop, c.drop) << c.what;
    EXPECT_EQ(reading.note, c.note) << c.what;
  }
}

TEST(TagRules, ClosureRulesAloneIgnoreWhatAnLlmMayJudge) {
  // A commercial gallery is a judgement the LLM may make differently; a closed place is not.
  Attraction gallery = candidate(
      {"", {{"tourism", "gallery"}, {"shop", "art"}}, {"art_gallery"}, PlaceKind::Gallery, ""});
  EXPECT_EQ(core::algo::closure_reason(gallery), "");
  gallery.tags["businessStatus"] = "CLOSED_PERMANENTLY";
  EXPECT_EQ(core::algo::closure_reason(gallery), "permanently closed (Google businessStatus)");
}

TEST(TagRules, MinorMemorialsByKind) {
  using Tags = std::map<std::string, std::string>;
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"historic", "memorial"}, {"memorial", "bust"}}),
            "bust");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"memorial", "blue_plaque"}}), "plaque");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"memorial", "stolperstein"}}), "stolperstein");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"memorial", "grave"}}), "grave");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"memorial:type", "plaque"}, {"memorial", "yes"}}),
            "plaque");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"historic", "tomb"}, {"tomb", "tombstone"}}),
            "grave");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"memorial", "statue"}}), "");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"memorial", "war_memorial"}}), "");
  EXPECT_EQ(core::algo::minor_memorial_kind(Tags{{"historic", "tomb"}, {"tomb", "mausoleum"}}), "");
}

}  // namespace
