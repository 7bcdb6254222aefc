#include <gtest/gtest.h>

#include "shared/algo/polyline.h"
#include "shared/errors.h"

namespace {

using core::model::GeoPoint;

// Golden vector of Google's polyline utility page (apis.md §3.3).
const std::vector<GeoPoint> kGolden{{38.5, -120.2}, {40.7, -120.95}, {43.252, -126.453}};
const std::string kGoldenEncoded = "_p~iF~ps|U_ulLnnqC_mqNvxq`@";

TEST(Polyline, EncodesGoogleGoldenVector) {
  EXPECT_EQ(core::algo::encode_polyline(kGolden), kGoldenEncoded);
}

TEST(Polyline, DecodesGoogleGoldenVector) {
  const auto points = core::algo::decode_polyline(kGoldenEncoded);
  ASSERT_EQ(points.size(), kGolden.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_NEAR(points[i].lat_deg, kGolden[i].lat_deg, 1e-9);
    EXPECT_NEAR(points[i].lon_deg, kGolden[i].lon_deg, 1e-9);
  }
}

TEST(Polyline, RoundsHalfAwayFromZeroLikeGoogle) {
  // -0.000005 rounds to -1e-5 (away from zero), not to 0 as truncation would.
  const auto points =
      core::algo::decode_polyline(core::algo::encode_polyline({{-0.000005, 0.000005}}));
  EXPECT_NEAR(points[0].lat_deg, -0.00001, 1e-12);
  EXPECT_NEAR(points[0].lon_deg, 0.00001, 1e-12);
}

TEST(Polyline, EmptyIsEmpty) {
  EXPECT_EQ(core::algo::encode_polyline({}), "");
  EXPECT_TRUE(core::algo::decode_polyline("").empty());
}

TEST(Polyline, TruncatedInputIsAnInputError) {
  EXPECT_THROW(core::algo::decode_polyline("_p~iF~ps|U_"), core::InputError);
  EXPECT_THROW(core::algo::decode_polyline("_p~iF"),
               core::InputError);  // latitude without longitude
  EXPECT_THROW(core::algo::decode_polyline(std::string(1, '\x01')), core::InputError);
}

}  // namespace
