// The exact TOP solver of narrando-bench: the optima it proves must agree with the published
// proven optima, come with a solution that passes the benchmark's feasibility check, and expose
// a reference value that the file's rounded budget cannot reach.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "bench/top_exact.h"
#include "bench/top_file.h"

namespace bench {
namespace {

std::string data_file(const std::string& name) {
  return std::string(NARRANDO_TEST_DATA_DIR) + "/top/" + name;
}

std::map<std::string, double> proven_optima() {
  std::ifstream in(data_file("proven_optima.csv"));
  std::string line;
  std::getline(in, line);  // header
  std::map<std::string, double> optima;
  while (std::getline(in, line)) {
    const std::size_t comma = line.find(',');
    optima[line.substr(0, comma)] = std::stod(line.substr(comma + 1));
  }
  return optima;
}

TEST(TopExact, AgreesWithThePublishedProvenOptimaAndReturnsAFeasibleSolution) {
  const auto optima = proven_optima();
  ASSERT_EQ(optima.size(), 5u);
  for (const auto& [name, optimum] : optima) {
    const TopFile f = read_top(data_file(name + ".txt"));
    const ExactResult result = solve_top_exact(f, ExactLimits{});
    ASSERT_TRUE(result.solved) << name << ": " << result.reason;
    EXPECT_EQ(result.optimum, optimum) << name;
    EXPECT_EQ(verify_paths(f, result.paths), optimum) << name;
  }
}

TEST(TopExact, ChaosValueForP13oNeedsTheUnroundedBudget) {
  // best_known 215 (Chao 1996, never proven); the file's tmax 24.3 stands for 73/3.
  TopFile f = read_top(data_file("p1.3.o.txt"));
  ASSERT_EQ(f.tmax, 24.3);
  const ExactResult as_written = solve_top_exact(f, ExactLimits{});
  ASSERT_TRUE(as_written.solved) << as_written.reason;
  EXPECT_EQ(as_written.reachable, 29);
  EXPECT_EQ(as_written.optimum, 205);
  EXPECT_EQ(verify_paths(f, as_written.paths), 205);

  f.tmax = 73.0 / 3.0;
  const ExactResult unrounded = solve_top_exact(f, ExactLimits{});
  ASSERT_TRUE(unrounded.solved) << unrounded.reason;
  EXPECT_EQ(unrounded.optimum, 215);
  EXPECT_EQ(verify_paths(f, unrounded.paths), 215);
}

TEST(TopExact, ProvesChaosValueOnASet4InstanceWithFiftySixReachableNodes) {
  const TopFile f = read_top(data_file("p4.2.b.txt"));
  const ExactResult result = solve_top_exact(f, ExactLimits{});
  ASSERT_TRUE(result.solved) << result.reason;
  EXPECT_EQ(result.reachable, 56);
  EXPECT_EQ(result.optimum, 341);  // Chao 1996's value, now proven optimal for the file data
  EXPECT_EQ(verify_paths(f, result.paths), 341);
}

TEST(TopExact, GivesUpAtTheLabelLimitWithoutClaimingAnOptimum) {
  const TopFile f = read_top(data_file("p1.3.o.txt"));
  ExactLimits limits;
  limits.max_states = 1000;
  const ExactResult result = solve_top_exact(f, limits);
  EXPECT_FALSE(result.solved);
  EXPECT_NE(result.reason.find("1000"), std::string::npos) << result.reason;
}

TEST(TopExact, GivesUpAtTheSearchLimitWithALowerBound) {
  const TopFile f = read_top(data_file("p1.3.o.txt"));
  ExactLimits limits;
  limits.max_search_nodes = 3;
  const ExactResult result = solve_top_exact(f, limits);
  EXPECT_FALSE(result.solved);
  EXPECT_LE(result.optimum, 205);
  EXPECT_EQ(verify_paths(f, result.paths), result.optimum);
}

}  // namespace
}  // namespace bench
