#include "server/clients/osm_pbf_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <osmium/builder/attr.hpp>
#include <osmium/io/pbf_output.hpp>
#include <osmium/io/writer.hpp>
#include <sstream>

#include "server/cli/cli.h"
#include "shared/errors.h"
#include "shared/routing/graph_codec.h"
#include "tests/support/temp_dir.h"

namespace server::clients {
namespace {

using namespace osmium::builder::attr;  // NOLINT: osmium's attribute builders read best unqualified

// Writes a tiny extract: a footway 1-2-3 through a wall at 2, a motorway 3-4, a building 5-6-7-5.
void write_extract(const std::string& path, double lon_shift = 0.0) {
  osmium::memory::Buffer buffer{1 << 16, osmium::memory::Buffer::auto_grow::yes};
  osmium::builder::add_node(buffer, _id(1), _location(9.000 + lon_shift, 45.000));
  osmium::builder::add_node(buffer,
                            _id(2),
                            _location(9.001 + lon_shift, 45.000),
                            _tag("barrier", "wall"),
                            _tag("name", "Old wall"));
  osmium::builder::add_node(buffer, _id(3), _location(9.002 + lon_shift, 45.000));
  osmium::builder::add_node(buffer, _id(4), _location(9.003 + lon_shift, 45.000));
  for (int i = 5; i <= 7; ++i)
    osmium::builder::add_node(buffer, _id(i), _location(9.0 + i * 1e-4, 45.001));
  osmium::builder::add_way(buffer, _id(10), _nodes({1, 2, 3}), _tag("highway", "footway"));
  osmium::builder::add_way(buffer, _id(11), _nodes({3, 4}), _tag("highway", "motorway"));
  osmium::builder::add_way(buffer, _id(12), _nodes({5, 6, 7, 5}), _tag("building", "yes"));
  osmium::io::Writer writer{path, osmium::io::overwrite::allow};
  writer(std::move(buffer));
  writer.close();
}

TEST(OsmPbfReader, KeepsWalkableWaysAndTheNodesTheyUse) {
  narrando::testing::TempDir dir;
  write_extract(dir.file("a.osm.pbf"));
  const core::routing::OsmData data = read_walkable_osm({dir.file("a.osm.pbf")});
  ASSERT_EQ(data.ways.size(), 1U);
  EXPECT_EQ(data.ways[0].id, 10);
  EXPECT_EQ(data.ways[0].node_ids, (std::vector<std::int64_t>{1, 2, 3}));
  ASSERT_EQ(data.nodes.size(), 3U);
  const auto wall =
      std::find_if(data.nodes.begin(), data.nodes.end(), [](const auto& n) { return n.id == 2; });
  ASSERT_NE(wall, data.nodes.end());
  EXPECT_EQ(wall->lon_e7, 90010000);
  EXPECT_EQ(wall->lat_e7, 450000000);
  // Only the keys the profile reads are kept: the name is not.
  ASSERT_EQ(wall->tags.size(), 1U);
  EXPECT_EQ(wall->tags[0].key, "barrier");
}

TEST(OsmPbfReader, ReadsSeveralExtractsInOrder) {
  narrando::testing::TempDir dir;
  write_extract(dir.file("a.osm.pbf"));
  write_extract(dir.file("b.osm.pbf"), 0.5);
  const core::routing::OsmData data =
      read_walkable_osm({dir.file("b.osm.pbf"), dir.file("a.osm.pbf")});
  ASSERT_EQ(data.ways.size(), 2U);
  ASSERT_EQ(data.nodes.size(), 6U);
  EXPECT_EQ(data.nodes[0].lon_e7,
            95000000);  // b's nodes first: the builder keeps the first of an id
}

TEST(OsmPbfReader, NamesAFileItCannotRead) {
  narrando::testing::TempDir dir;
  try {
    read_walkable_osm({dir.file("missing.osm.pbf")});
    FAIL() << "read a missing file";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.osm.pbf"), std::string::npos);
  }
}

TEST(OsmPbfReader, HashesTheSourceFiles) {
  narrando::testing::TempDir dir;
  write_extract(dir.file("a.osm.pbf"));
  const std::string hash = sha256_of_files({dir.file("a.osm.pbf"), dir.file("a.osm.pbf")});
  ASSERT_EQ(hash.size(), 2 * (7 + 64) + 1);
  EXPECT_EQ(hash.substr(0, 7), "sha256:");
  EXPECT_EQ(hash.substr(0, 71), hash.substr(72));
}

TEST(BuildNetworkCommand, WritesAGraphFileThatDecodes) {
  narrando::testing::TempDir dir;
  write_extract(dir.file("a.osm.pbf"));
  std::ostringstream out, err;
  const int code = cli::run({"build-network",
                             "--pbf",
                             dir.file("a.osm.pbf"),
                             "--bbox",
                             "44.9,8.9,45.1,9.1",
                             "--out",
                             dir.file("a.nwg")},
                            {},
                            out,
                            err);
  ASSERT_EQ(code, 0) << err.str();
  EXPECT_NE(out.str().find("2 nodes, 1 edges"), std::string::npos)
      << out.str();  // 1-2 (the wall cuts 2-3 off)
  std::ifstream file(dir.file("a.nwg"), std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)),
                                        std::istreambuf_iterator<char>());
  const core::routing::DecodedGraph decoded = core::routing::decode_graph(bytes);
  EXPECT_EQ(decoded.metadata.attribution, core::routing::kOsmAttribution);
  EXPECT_EQ(decoded.metadata.source, "a.osm.pbf; bbox 44.90000,8.90000,45.10000,9.10000");
  EXPECT_EQ(decoded.metadata.source_checksum, sha256_of_files({dir.file("a.osm.pbf")}));
}

TEST(BuildNetworkCommand, RefusesABoxWithNothingWalkable) {
  narrando::testing::TempDir dir;
  write_extract(dir.file("a.osm.pbf"));
  std::ostringstream out, err;
  EXPECT_EQ(cli::run({"build-network",
                      "--pbf",
                      dir.file("a.osm.pbf"),
                      "--bbox",
                      "10,10,11,11",
                      "--out",
                      dir.file("x.nwg")},
                     {},
                     out,
                     err),
            1);
  EXPECT_EQ(cli::run({"build-network",
                      "--pbf",
                      dir.file("a.osm.pbf"),
                      "--bbox",
                      "45,9,44,10",
                      "--out",
                      dir.file("x.nwg")},
                     {},
                     out,
                     err),
            2);
}

}  // namespace
}  // namespace server::clients
