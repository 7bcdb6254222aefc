#include <gtest/gtest.h>

#include "shared/errors.h"
#include "shared/model/attraction.h"
#include "shared/model/place_id.h"

namespace {

using namespace core::model;

TEST(AttractionId, IsStableUrlSafeAndDistinct) {
  const std::string id = attraction_id("osm:way/247168260");
  EXPECT_EQ(id, attraction_id("osm:way/247168260"));
  EXPECT_NE(id, attraction_id("osm:way/247168261"));
  ASSERT_EQ(id.size(), 17u);
  EXPECT_EQ(id.front(), 'a');
  EXPECT_EQ(id.find_first_not_of("a0123456789abcdef"), std::string::npos);
}

TEST(EffectiveValues, EditorOverridesWinOnlyWhenSet) {
  Attraction a;
  a.name = "Original";
  a.included = true;
  a.visit_minutes = 10;
  a.interest_score = 50;
  EXPECT_EQ(effective_name(a), "Original");
  EXPECT_TRUE(effective_included(a));
  a.editor.name = "Edited";
  a.editor.included = false;
  a.editor.visit_minutes = 30;
  a.editor.interest_score = 90;
  EXPECT_EQ(effective_name(a), "Edited");
  EXPECT_FALSE(effective_included(a));
  EXPECT_EQ(effective_visit_minutes(a), 30);
  EXPECT_DOUBLE_EQ(effective_score(a), 90);
}

TEST(PlaceId, AcceptsGoogleAndGeonamesIds) {
  EXPECT_NO_THROW(validate_place_id("ChIJD7fiBh9u5kcRYJSMaMOCCwQ"));
  EXPECT_NO_THROW(validate_place_id("geonames:2735943"));
  EXPECT_NO_THROW(validate_place_id("GhIJQWDl0CIeQUARxks3icF8U8A"));
}

TEST(PlaceId, RejectsMalformedIdsWithCode) {
  for (const char* bad :
       {"", "short", "geonames:", "geonames:12a", "ChIJ with spaces", "ChIJ<script>alert(1)"}) {
    try {
      validate_place_id(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const core::InputError& e) {
      EXPECT_EQ(e.code(), "invalid_place_id");
    }
  }
}

}  // namespace
