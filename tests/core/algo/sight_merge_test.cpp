// One sight is one stop: duplicates and parts merge, distinct sights with close names stay apart.
#include <gtest/gtest.h>

#include <algorithm>

#include "shared/algo/sight_merge.h"

namespace {

using core::model::Attraction;

// An included, scored candidate; `north_m` metres north of a fixed point.
Attraction sight(const std::string& source_id,
                 const std::string& name,
                 std::vector<std::string> types,
                 double north_m = 0.0,
                 double score = 60.0,
                 int minutes = 15) {
  Attraction a;
  a.source_id = source_id;
  a.id = core::model::attraction_id(source_id);
  a.name = name;
  a.types = std::move(types);
  a.location = {44.4940 + north_m / 111195.0, 11.3465};
  a.interest_score = score;
  a.visit_minutes = minutes;
  a.included = true;
  return a;
}

const Attraction& named(const std::vector<Attraction>& all, const std::string& name) {
  return *std::find_if(all.begin(), all.end(), [&](const Attraction& a) { return a.name == name; });
}

TEST(MergeSights, TwoNamesOfOneTowerInTwoLanguagesAreOneStop) {
  std::vector<Attraction> all{
      sight("g:1", "Torre degli Asinelli di Testville", {"tourist_attraction"}, 0.0, 70.0),
      sight("g:2", "Asinelli Tower of Testville", {"tourist_attraction"}, 10.0, 65.0)};
  const auto parts = core::algo::merge_sights(all, "Testville");
  EXPECT_TRUE(all[0].included);
  EXPECT_FALSE(all[1].included);
  EXPECT_EQ(all[1].reason, "duplicate of \"Torre degli Asinelli di Testville\" (10 m away)");
  EXPECT_EQ(all[0].visit_minutes, 15) << "a duplicate is the same thing: no time added";
  EXPECT_TRUE(parts.empty());
}

TEST(MergeSights, AnEnglishNameThatIsAnotherPoisNameIsTheSameSight) {
  Attraction tower = sight("osm:way/1", "Torre dos Clérigos", {"tower"}, 0.0, 85.0);
  tower.tags = {{"name:en", "Clerics Tower"}};
  std::vector<Attraction> all{
      tower, sight("osm:node/2", "Clerics Tower", {"tourist_attraction"}, 120.0, 50.0)};
  core::algo::merge_sights(all, "Porto");
  EXPECT_FALSE(all[1].included);
  EXPECT_EQ(all[1].reason.rfind("duplicate of \"Torre dos Clérigos\"", 0), 0u) << all[1].reason;
}

TEST(MergeSights, TheSameWikidataIdWithin300MetresIsOneSightFartherTwoSites) {
  Attraction a = sight("osm:way/1", "Liebfrauendom", {"church"}, 0.0, 80.0);
  Attraction b = sight("osm:relation/2", "Frauenkirche", {"church"}, 250.0, 70.0);
  Attraction c = sight("osm:way/3", "Villa Paloma", {"museum"}, 2000.0, 60.0);
  a.wikidata = b.wikidata = c.wikidata = "Q167193";
  std::vector<Attraction> all{a, b, c};
  core::algo::merge_sights(all, "Munich");
  EXPECT_TRUE(all[0].included);
  EXPECT_FALSE(all[1].included);
  EXPECT_TRUE(all[2].included) << "2 km away: another site of one institution";
}

TEST(MergeSights, APartInsideASightsOutlineAddsBoundedTimeAndIsNamed) {
  Attraction town_hall =
      sight("osm:relation/1", "Neues Rathaus", {"tourist_attraction"}, 0.0, 85.0, 15);
  town_hall.wikidata = "Q1";
  town_hall.wikipedia = "de:Neues Rathaus";
  Attraction clock = sight("osm:node/2", "Glockenspiel", {"tourist_attraction"}, 20.0, 70.0, 15);
  clock.within = town_hall.source_id;
  clock.wikidata = "Q2";
  Attraction tower =
      sight("osm:node/3", "Turm des Rathauses", {"observation_deck"}, 30.0, 53.0, 10);
  tower.within = town_hall.source_id;
  Attraction gallery = sight("osm:node/4", "Rathausgalerie", {"museum"}, 5.0, 50.0, 30);
  gallery.within = town_hall.source_id;
  std::vector<Attraction> all{clock, town_hall, tower, gallery};
  const auto parts = core::algo::merge_sights(all, "Munich");
  const Attraction& stop = named(all, "Neues Rathaus");
  EXPECT_TRUE(stop.included);
  EXPECT_EQ(stop.visit_minutes, 15 + 10) << "5 minutes per part, 10 in all";
  EXPECT_EQ(stop.interest_score, 85.0);
  EXPECT_EQ(named(all, "Glockenspiel").reason, "part of \"Neues Rathaus\" (inside its outline)");
  EXPECT_FALSE(named(all, "Rathausgalerie").included);
  EXPECT_EQ(parts.at(stop.id),
            (std::vector<std::string>{"Glockenspiel", "Turm des Rathauses", "Rathausgalerie"}));
}

TEST(MergeSights, TheContainerIsTheStopUnlessAPartIsClearlyBetterKnown) {
  // A gate with a small museum in its tower: the gate is the stop.
  Attraction gate = sight("osm:relation/1", "Isartor", {"historical_landmark"}, 0.0, 75.0);
  Attraction museum = sight("osm:node/2", "Valentin-Karlstadt-Musäum", {"museum"}, 5.0, 80.0);
  museum.within = gate.source_id;
  // A national museum in a palace nobody knows by name: the museum is the stop.
  Attraction palace =
      sight("osm:way/3", "Palácio das Carrancas", {"tourist_attraction"}, 1000.0, 45.0);
  Attraction national =
      sight("osm:way/4", "Museu Nacional Soares dos Reis", {"museum"}, 1010.0, 80.0);
  national.within = palace.source_id;
  // Popularity signals above each kind's base score (see heuristic_filter's profile()).
  std::vector<Attraction> all{gate, museum, palace, national};
  core::algo::merge_sights(all, "Porto");
  EXPECT_TRUE(named(all, "Isartor").included);
  EXPECT_EQ(named(all, "Valentin-Karlstadt-Musäum").reason,
            "part of \"Isartor\" (inside its outline)");
  EXPECT_TRUE(named(all, "Museu Nacional Soares dos Reis").included);
  EXPECT_EQ(named(all, "Palácio das Carrancas").reason,
            "part of \"Museu Nacional Soares dos Reis\" (\"Museu Nacional Soares dos Reis\" lies "
            "inside it)");
}

TEST(MergeSights, AParkKeepsTheMuseumsAndChurchesInItApart) {
  Attraction park = sight("osm:way/1", "Tivoli Park", {"park"}, 0.0, 60.0);
  Attraction church = sight("osm:way/2", "Old Church", {"church"}, 20.0, 65.0);
  Attraction statue = sight("osm:node/3", "Poet statue", {"monument"}, 30.0, 45.0);
  church.within = statue.within = park.source_id;
  std::vector<Attraction> all{park, church, statue};
  core::algo::merge_sights(all, "Helsinki");
  EXPECT_TRUE(all[0].included);
  EXPECT_TRUE(all[1].included) << "a church in a park is a stop of its own";
  EXPECT_FALSE(all[2].included) << "a statue in a park is part of the park";
}

TEST(MergeSights, ASharedDistinctiveNameCloseByMakesAPartButNotThroughAnotherPart) {
  Attraction tower = sight("osm:way/1", "Torre dos Clérigos", {"tower"}, 0.0, 85.0);
  tower.wikidata = "Q20986654";
  tower.wikipedia = "pt:Torre dos Clérigos";
  Attraction church = sight("osm:way/2", "Igreja dos Clérigos", {"church"}, 73.0, 78.0, 20);
  church.wikidata = "Q18642";
  // 180 m from the tower, 107 m from the church: linked to the church only.
  Attraction house = sight("osm:node/3", "Casa dos Clérigos", {"tourist_attraction"}, 180.0, 50.0);
  std::vector<Attraction> all{tower, church, house};
  core::algo::merge_sights(all, "Porto");
  EXPECT_TRUE(all[0].included);
  EXPECT_EQ(all[1].reason, "part of \"Torre dos Clérigos\" (shares its name, 73 m away)");
  EXPECT_EQ(all[0].visit_minutes, 15 + 5);
  EXPECT_TRUE(all[2].included) << "a part's neighbour is not a part: " << all[2].reason;
}

TEST(MergeSights, DistinctSightsWithCloseNamesStayApart) {
  std::vector<Attraction> all{sight("1", "Alexander I", {"memorial"}, 0.0),
                              sight("2", "Alexander II", {"memorial"}, 40.0),
                              sight("3", "Christian den VII´s Palæ", {"tourist_attraction"}, 500.0),
                              sight("4", "Christian den IX´s Palæ", {"tourist_attraction"}, 540.0),
                              sight("5", "Neues Rathaus", {"tourist_attraction"}, 1000.0),
                              sight("6", "Altes Rathaus", {"tourist_attraction"}, 1100.0),
                              sight("7", "St Mary-le-Bow", {"church"}, 2000.0),
                              sight("8", "St Mary Aldermary", {"church"}, 2100.0)};
  Attraction twin_a = sight("9", "Synagoga", {"synagogue"}, 3000.0);
  Attraction twin_b = sight("10", "Synagoga", {"synagogue"}, 3005.0);
  twin_a.wikidata = "Q100";
  twin_b.wikidata = "Q200";
  all.push_back(twin_a);
  all.push_back(twin_b);
  core::algo::merge_sights(all, "Somewhere");
  for (const Attraction& a : all) EXPECT_TRUE(a.included) << a.name << ": " << a.reason;
}

TEST(MergeSights, OnePersonsPlaquesUnderOneNameAreOneStopAnywhere) {
  std::vector<Attraction> all{sight("1", "Н. К. Крупской", {"memorial", "plaque"}, 0.0, 30.0),
                              sight("2", "Н. К. Крупской", {"memorial", "plaque"}, 900.0, 28.0),
                              sight("3", "Igreja de São Pedro", {"church"}, 0.0, 60.0),
                              sight("4", "Igreja de São Pedro", {"church"}, 900.0, 60.0)};
  core::algo::merge_sights(all, "Moscow");
  EXPECT_TRUE(all[0].included);
  EXPECT_EQ(all[1].reason, "duplicate of \"Н. К. Крупской\" (900 m away)");
  EXPECT_TRUE(all[2].included);
  EXPECT_TRUE(all[3].included) << "two churches of one name in two parishes are two churches";
}

TEST(MergeSights, AWallMappedInPiecesUnderOneNameIsOneStop) {
  std::vector<Attraction> all{sight("1", "Innerer Ringwall", {"castle"}, 0.0, 65.0),
                              sight("2", "Innerer Ringwall", {"castle"}, 720.0, 65.0),
                              sight("3", "Innerer Ringwall", {"castle"}, 2500.0, 65.0),
                              sight("4", "Stadtmauer", {"historic"}, 0.0, 50.0),
                              sight("5", "Stadtmauer", {"historic"}, 600.0, 50.0)};
  all[4].wikidata = "Q1";  // an id on one piece: not proven to be the same wall
  core::algo::merge_sights(all, "Somewhere");
  EXPECT_TRUE(all[0].included);
  EXPECT_EQ(all[1].reason, "duplicate of \"Innerer Ringwall\" (720 m away)");
  EXPECT_TRUE(all[2].included) << "2.5 km away is another place of that name";
  EXPECT_TRUE(all[3].included);
  EXPECT_TRUE(all[4].included);

  std::vector<Attraction> churches{sight("6", "Kapelle", {"church"}, 0.0),
                                   sight("7", "Kapelle", {"church"}, 500.0)};
  core::algo::merge_sights(churches, "Somewhere");
  EXPECT_TRUE(churches[1].included) << "two chapels 500 m apart are two buildings";
}

TEST(DistinguishNames, TwoSitesWithOneEnglishNameShowTheirLocalNames) {
  Attraction sauber = sight("1", "New National Museum of Monaco", {"museum"}, 0.0);
  sauber.tags = {{"name", "Nouveau Musée National - Villa Sauber"}};
  Attraction paloma = sight("2", "New National Museum of Monaco", {"museum"}, 1600.0);
  paloma.tags = {{"name", "Nouveau Musée National - Villa Paloma"}};
  Attraction other = sight("3", "Oceanographic Museum", {"museum"}, 800.0);
  other.tags = {{"name", "Musée océanographique"}};
  std::vector<Attraction> all{sauber, paloma, other};
  core::algo::distinguish_names(all);
  EXPECT_EQ(all[0].name, "Nouveau Musée National - Villa Sauber");
  EXPECT_EQ(all[1].name, "Nouveau Musée National - Villa Paloma");
  EXPECT_EQ(all[2].name, "Oceanographic Museum") << "a name nobody else has stays in English";
}

}  // namespace
