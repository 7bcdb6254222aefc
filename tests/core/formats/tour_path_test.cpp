// The walking path of a tour (shared/formats/tour_path.h): legs' polylines joined, straight
// segments where a leg has none or a malformed one.
#include "shared/formats/tour_path.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "shared/algo/polyline.h"

namespace {

using core::model::GeoPoint;
using core::model::Tour;
using Path = std::vector<GeoPoint>;

const GeoPoint kStart{41.1400, -8.6200};
const GeoPoint kA{41.1410, -8.6180};
const GeoPoint kB{41.1430, -8.6150};
const GeoPoint kBend{41.1420, -8.6190};  // a corner on the street from the start to A

Tour tour_with(std::optional<GeoPoint> start,
               std::vector<GeoPoint> stops,
               std::optional<GeoPoint> end,
               std::vector<std::string> polylines) {
  Tour tour;
  tour.start = start;
  tour.end = end;
  for (const GeoPoint& point : stops) tour.stops.push_back({"id", "name", point, 10, 50.0, false});
  for (std::string& polyline : polylines) tour.legs.push_back({100.0, 1.0, std::move(polyline)});
  return tour;
}

// Polylines keep 5 decimals: compare at that precision.
void expect_path(const Path& actual, const Path& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i].lat_deg, expected[i].lat_deg, 1e-5) << "point " << i;
    EXPECT_NEAR(actual[i].lon_deg, expected[i].lon_deg, 1e-5) << "point " << i;
  }
}

struct PathCase {
  const char* label;
  Tour tour;
  Path expected;

  friend void PrintTo(const PathCase& c, std::ostream* os) { *os << c.label; }
};

class TourPath : public ::testing::TestWithParam<PathCase> {};

TEST_P(TourPath, FollowsTheLegs) {
  expect_path(core::formats::tour_path(GetParam().tour), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Tours,
    TourPath,
    ::testing::Values(
        PathCase{"Empty", tour_with({}, {}, {}, {}), {}},
        PathCase{"OneStopNoEnds", tour_with({}, {kA}, {}, {}), {kA}},
        PathCase{"StraightWithoutPolylines",
                 tour_with(kStart, {kA, kB}, kStart, {"", "", ""}),
                 {kStart, kA, kB, kStart}},
        PathCase{"FewerLegsThanWaypoints", tour_with(kStart, {kA, kB}, {}, {}), {kStart, kA, kB}},
        PathCase{"PolylineJoinedOnce",
                 tour_with(kStart,
                           {kA},
                           kStart,
                           {core::algo::encode_polyline({kStart, kBend, kA}),
                            core::algo::encode_polyline({kA, kBend, kStart})}),
                 {kStart, kBend, kA, kBend, kStart}},
        PathCase{
            "MalformedPolylineIsStraight",
            tour_with(kStart,
                      {kA, kB},
                      {},
                      {std::string("\x7f\x7f", 2), core::algo::encode_polyline({kA, kBend, kB})}),
            {kStart, kA, kBend, kB}},
        PathCase{"TruncatedPolylineIsStraight", tour_with(kStart, {kA}, {}, {"_"}), {kStart, kA}},
        PathCase{"OnePointPolylineIsStraight",
                 tour_with(kStart, {kA}, {}, {core::algo::encode_polyline({kBend})}),
                 {kStart, kA}}),
    [](const auto& c) { return std::string(c.param.label); });

}  // namespace
