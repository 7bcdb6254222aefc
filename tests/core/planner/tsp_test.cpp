#include "shared/planner/tsp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <string>

#include "tests/core/planner/planner_test_util.h"

namespace core::planner {
namespace {

SolveOptions kicks(std::int64_t count, std::uint64_t seed = 1) {
  SolveOptions options;
  options.seed = seed;
  options.max_iterations = count;
  return options;
}

bool is_permutation(const std::vector<int>& order, int n) {
  std::vector<int> sorted(order);
  std::sort(sorted.begin(), sorted.end());
  std::vector<int> expected(static_cast<std::size_t>(n));
  std::iota(expected.begin(), expected.end(), 0);
  return sorted == expected;
}

double closed_length(const CostMatrix& m, const std::vector<int>& order) {
  double total = 0.0;
  for (std::size_t p = 0; p < order.size(); ++p)
    total += m(order[p], order[(p + 1) % order.size()]);
  return total;
}

TEST(SolveTsp, HandlesTinyInputs) {
  for (int n = 0; n <= 4; ++n) {
    const CostMatrix m = testing::euclidean(testing::random_points(n, 10.0, 1));
    const TspResult r = solve_tsp(m, kicks(10));
    EXPECT_TRUE(is_permutation(r.order, n));
    EXPECT_NEAR(r.length, closed_length(m, r.order), 1e-9);
  }
}

TEST(SolveTsp, IsExactOnTinyTours) {
  for (int n = 4; n <= 8; ++n) {  // up to 8 nodes the search is exhaustive
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      CostMatrix m = testing::euclidean(testing::random_points(n, 100.0, seed));
      m(0, 1) *= 1.5;  // one asymmetric pair
      const TspResult r = solve_tsp(m, kicks(0, seed));
      ASSERT_TRUE(is_permutation(r.order, n));
      EXPECT_NEAR(r.length, testing::held_karp(m), 1e-6) << "n " << n << " seed " << seed;
    }
  }
}

TEST(SolveTsp, MatchesHeldKarpOnSmallSymmetricInstances) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const CostMatrix m = testing::euclidean(testing::random_points(12, 100.0, seed));
    const TspResult r = solve_tsp(m, kicks(300, seed));
    ASSERT_TRUE(is_permutation(r.order, 12));
    EXPECT_NEAR(r.length, testing::held_karp(m), 1e-6) << "seed " << seed;
  }
}

TEST(SolveTsp, MatchesHeldKarpOnSmallAsymmetricInstances) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    CostMatrix m = testing::euclidean(testing::random_points(10, 100.0, seed));
    // A one-way street effect: going to a higher index costs 30 % more.
    for (int i = 0; i < 10; ++i) {
      for (int j = i + 1; j < 10; ++j) m(i, j) *= 1.3;
    }
    const TspResult r = solve_tsp(m, kicks(500, seed));
    ASSERT_TRUE(is_permutation(r.order, 10));
    EXPECT_NEAR(r.length, closed_length(m, r.order), 1e-9);
    EXPECT_NEAR(r.length, testing::held_karp(m), 1e-6) << "seed " << seed;
  }
}

TEST(SolveTsp, SameSeedGivesSameTour) {
  const CostMatrix m = testing::euclidean(testing::random_points(200, 1000.0, 4));
  const TspResult a = solve_tsp(m, kicks(2000, 9));
  const TspResult b = solve_tsp(m, kicks(2000, 9));
  EXPECT_EQ(a.order, b.order);
  EXPECT_TRUE(is_permutation(a.order, 200));
}

TEST(SolveTsp, KicksNeverMakeTheTourLonger) {
  const CostMatrix m = testing::euclidean(testing::random_points(300, 1000.0, 5));
  const double start = solve_tsp(m, kicks(0)).length;
  const double kicked = solve_tsp(m, kicks(3000)).length;
  EXPECT_LE(kicked, start + 1e-9);
}

// TSPLIB GEO distance (TSPLIB95 definition, PI = 3.141592).
double geo_radians(double v) {
  const double deg = std::trunc(v);
  return 3.141592 * (deg + 5.0 * (v - deg) / 3.0) / 180.0;
}

TEST(SolveTsp, FindsTheOptimumOfBurma14) {
  std::ifstream in(std::string(NARRANDO_TEST_DATA_DIR) + "/tsplib/burma14.tsp");
  ASSERT_TRUE(in.good());
  std::string line;
  while (std::getline(in, line) && line.rfind("NODE_COORD_SECTION", 0) != 0) {}
  std::vector<double> lat, lon;
  int id = 0;
  double x = 0.0, y = 0.0;
  while (in >> id >> x >> y) {
    lat.push_back(geo_radians(x));
    lon.push_back(geo_radians(y));
  }
  ASSERT_EQ(lat.size(), 14U);
  CostMatrix m(14);
  for (std::size_t i = 0; i < 14; ++i) {
    for (std::size_t j = 0; j < 14; ++j) {
      if (i == j) continue;
      const double q1 = std::cos(lon[i] - lon[j]);
      const double q2 = std::cos(lat[i] - lat[j]);
      const double q3 = std::cos(lat[i] + lat[j]);
      m(static_cast<int>(i), static_cast<int>(j)) =
          std::floor(6378.388 * std::acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
    }
  }
  const TspResult r = solve_tsp(m, kicks(500));
  EXPECT_TRUE(is_permutation(r.order, 14));
  EXPECT_DOUBLE_EQ(r.length, testing::held_karp(m));
}

}  // namespace
}  // namespace core::planner
