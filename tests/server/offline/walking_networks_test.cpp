// The committed walking graphs (data/walking/), as the server binary embeds them.
#include "server/offline/walking_networks.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "shared/algo/geo.h"

namespace server::offline {
namespace {

std::string sha256_hex(std::span<const std::uint8_t> bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    static constexpr char kHex[] = "0123456789abcdef";
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string walking_readme() {
  std::ifstream file(std::string(NARRANDO_TEST_DATA_DIR) + "/../../data/walking/README.md");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(WalkingNetworks, EveryCityWithAnExtractHasAGraph) {
  const EmbeddedCatalogue& catalogue = EmbeddedCatalogue::builtin();
  std::vector<std::string> expected;
  for (const EmbeddedCity& city : catalogue.cities()) {
    if (!extract_files_of(catalogue, city.key).empty()) expected.push_back(city.key);
  }
  std::vector<std::string> embedded;
  for (const EmbeddedGraphFile& file : WalkingNetworks::builtin().files())
    embedded.push_back(file.city_key);
  EXPECT_EQ(embedded, expected);
  EXPECT_GE(expected.size(), 10U);
  EXPECT_EQ(WalkingNetworks::builtin().find("tokyo"), nullptr);  // no extract: the walking model
}

TEST(WalkingNetworks, EveryEmbeddedGraphDecodesAndMatchesItsReadmeRow) {
  const std::string readme = walking_readme();
  ASSERT_FALSE(readme.empty());
  std::size_t total = 0;
  for (const EmbeddedGraphFile& file : WalkingNetworks::builtin().files()) {
    SCOPED_TRACE(file.city_key);
    const WalkingNetwork* network = WalkingNetworks::builtin().find(file.city_key);
    ASSERT_NE(network, nullptr);
    EXPECT_EQ(network, WalkingNetworks::builtin().find(file.city_key));  // decoded once, then kept
    const core::routing::GraphMetadata& metadata = network->decoded.metadata;
    EXPECT_EQ(metadata.attribution, "© OpenStreetMap contributors, ODbL 1.0");
    EXPECT_EQ(metadata.source_checksum.rfind("sha256:", 0), 0U);
    for (const std::string& extract :
         extract_files_of(EmbeddedCatalogue::builtin(), file.city_key)) {
      EXPECT_NE(metadata.source.find(extract), std::string::npos) << extract;
    }
    EXPECT_GT(network->decoded.graph.edges().size(), 0U);
    // The README's row names this file's sha256 and size.
    const std::string row = "| " + file.city_key + " |";
    const std::size_t at = readme.find(row);
    ASSERT_NE(at, std::string::npos);
    const std::string line = readme.substr(at, readme.find('\n', at) - at);
    EXPECT_NE(line.find(sha256_hex(file.bytes).substr(0, 16)), std::string::npos) << line;
    EXPECT_NE(line.find("| " + std::to_string(file.bytes.size()) + " |"), std::string::npos)
        << line;
    total += file.bytes.size();
  }
  EXPECT_LT(total, 15U * 1000 * 1000);
}

TEST(WalkingNetworks, PortoCandidatesAreAllReachableAlongTheStreets) {
  const WalkingNetwork* porto = WalkingNetworks::builtin().find("porto");
  ASSERT_NE(porto, nullptr);
  std::vector<core::model::GeoPoint> points;
  for (const EmbeddedPoi* poi : EmbeddedCatalogue::builtin().pois_of("porto")) {
    if (points.size() < 60) points.push_back(poi->attraction.location);
  }
  core::routing::RouterWorkspace workspace;
  const core::routing::NetworkMatrix m = porto->router->matrix(points, {}, workspace);
  EXPECT_TRUE(m.unsnapped.empty());
  std::vector<double> ratios;
  for (int i = 0; i < m.travel.metres.size(); ++i) {
    for (int j = 0; j < m.travel.metres.size(); ++j) {
      const double straight = core::algo::haversine_m(points[static_cast<std::size_t>(i)],
                                                      points[static_cast<std::size_t>(j)]);
      if (i == j || straight < 300.0) continue;
      ASSERT_LT(m.travel.metres(i, j), core::algo::kUnreachable) << i << "->" << j;
      EXPECT_GE(m.travel.metres(i, j), straight * 0.99) << i << "->" << j;
      ratios.push_back(m.travel.metres(i, j) / straight);
    }
  }
  ASSERT_GT(ratios.size(), 500U);
  std::sort(ratios.begin(), ratios.end());
  const double median = ratios[ratios.size() / 2];
  EXPECT_GT(median, 1.05);  // streets are never straight lines...
  EXPECT_LT(median, 2.0);   // ...but a city centre is walkable
}

TEST(WalkingNetworks, PathsFollowTheStreetsAndMatchTheMatrix) {
  for (const char* city : {"porto", "munich", "london"}) {
    SCOPED_TRACE(city);
    const WalkingNetwork* network = WalkingNetworks::builtin().find(city);
    ASSERT_NE(network, nullptr);
    std::vector<core::model::GeoPoint> points;
    for (const EmbeddedPoi* poi : EmbeddedCatalogue::builtin().pois_of(city)) {
      if (points.size() < 12 && network->router->snap(poi->attraction.location, {}))
        points.push_back(poi->attraction.location);
    }
    core::routing::RouterWorkspace workspace;
    const core::routing::NetworkMatrix m = network->router->matrix(points, {}, workspace);
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      const std::size_t j = points.size() - 1 - i;
      if (i == j) continue;
      const core::routing::NetworkPath path =
          network->router->path(points[i], points[j], {}, workspace);
      ASSERT_TRUE(path.found) << i << "->" << j;
      EXPECT_DOUBLE_EQ(path.minutes, m.travel.minutes(static_cast<int>(i), static_cast<int>(j)));
      EXPECT_NEAR(path.metres, m.travel.metres(static_cast<int>(i), static_cast<int>(j)), 0.5);
      // The drawn line is the walk: its length is the walk's metres (shape points are the ways').
      double drawn = 0.0;
      for (std::size_t k = 1; k < path.points.size(); ++k)
        drawn += core::algo::haversine_m(path.points[k - 1], path.points[k]);
      EXPECT_NEAR(drawn, path.metres, 1.0 + path.metres * 0.002) << i << "->" << j;
      EXPECT_EQ(path.points.front(), points[i]);
      EXPECT_EQ(path.points.back(), points[j]);
    }
  }
}

}  // namespace
}  // namespace server::offline
