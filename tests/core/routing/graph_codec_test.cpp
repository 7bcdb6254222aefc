#include "shared/routing/graph_codec.h"

#include <gtest/gtest.h>

#include "shared/errors.h"
#include "shared/routing/graph_builder.h"
#include "tests/core/routing/osm_fixture.h"

namespace core::routing {
namespace {

using routing_test::OsmFixture;
using routing_test::tags;

WalkingGraph sample_graph() {
  //  1 -- 2 -- 3 -- 4        a street with a shape, a side path with steps, a ferry to 7
  //       |
  //       5 ~~ 6 == 7
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 160, 10).node(4, 260, 0);
  osm.node(5, 100, -80).node(6, 140, -80).node(7, 900, -80);
  osm.way(10, {1, 2, 3, 4}, tags({{"highway", "residential"}}));
  osm.way(11, {2, 5}, tags({{"highway", "path"}, {"surface", "gravel"}, {"oneway:foot", "yes"}}));
  osm.way(12, {5, 6}, tags({{"highway", "steps"}}));
  osm.way(13, {6, 7}, tags({{"route", "ferry"}, {"duration", "12"}}));
  return build_walking_graph(osm.data).graph;
}

GraphMetadata sample_metadata() {
  GraphMetadata metadata;
  metadata.source = "test.osm.pbf; bbox 45,9,45.1,9.1";
  metadata.source_checksum = "sha256:00ff";
  return metadata;
}

TEST(GraphCodec, RoundTripsEveryPartOfTheGraph) {
  const WalkingGraph graph = sample_graph();
  const std::vector<std::uint8_t> bytes = encode_graph(graph, sample_metadata());
  const DecodedGraph decoded = decode_graph(bytes);
  EXPECT_EQ(decoded.metadata, sample_metadata());
  EXPECT_EQ(decoded.metadata.attribution, "© OpenStreetMap contributors, ODbL 1.0");
  EXPECT_EQ(decoded.graph.nodes(), graph.nodes());
  EXPECT_EQ(decoded.graph.edges(), graph.edges());
  EXPECT_EQ(decoded.graph.shape_begin(), graph.shape_begin());
  EXPECT_EQ(decoded.graph.shape_points(), graph.shape_points());
  EXPECT_EQ(encode_graph(decoded.graph, decoded.metadata), bytes);
}

TEST(GraphCodec, EncodesTheSameGraphToTheSameBytes) {
  EXPECT_EQ(encode_graph(sample_graph(), sample_metadata()),
            encode_graph(sample_graph(), sample_metadata()));
}

TEST(GraphCodec, IsCompact) {
  const WalkingGraph graph = sample_graph();
  const std::size_t points = graph.nodes().size() + graph.shape_points().size();
  // Small deltas: a handful of bytes per point and edge besides the metadata text.
  EXPECT_LT(encode_graph(graph, {}).size(), 60 + points * 8 + graph.edges().size() * 8);
}

TEST(GraphCodec, RefusesAnyDamage) {
  const std::vector<std::uint8_t> bytes = encode_graph(sample_graph(), sample_metadata());
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::vector<std::uint8_t> damaged = bytes;
    damaged[at] ^= 0x10;
    EXPECT_THROW(decode_graph(damaged), InputError) << "byte " << at;
  }
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_THROW(decode_graph(std::span(bytes).first(size)), InputError) << "size " << size;
  }
}

TEST(GraphCodec, RefusesAnotherFormatVersionEvenWithAValidChecksum) {
  std::vector<std::uint8_t> bytes = encode_graph(sample_graph(), sample_metadata());
  bytes[4] = 2;  // version, little-endian u16 after the magic
  bytes.resize(bytes.size() - 8);
  const std::uint64_t checksum = fnv1a64(bytes);
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<std::uint8_t>(checksum >> (8 * i)));
  try {
    decode_graph(bytes);
    FAIL() << "decoded a version 2 file";
  } catch (const InputError& e) {
    EXPECT_EQ(e.code(), "invalid_graph");
    EXPECT_NE(std::string(e.what()).find("version 2"), std::string::npos);
  }
}

}  // namespace
}  // namespace core::routing
