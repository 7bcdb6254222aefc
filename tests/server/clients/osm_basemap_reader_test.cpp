#include "server/clients/osm_basemap_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <osmium/builder/attr.hpp>
#include <osmium/io/pbf_output.hpp>
#include <osmium/io/writer.hpp>
#include <sstream>

#include "server/cli/cli.h"
#include "shared/basemap/basemap_codec.h"
#include "shared/basemap/osm_classes.h"
#include "shared/errors.h"
#include "tests/support/temp_dir.h"

namespace server::clients {
namespace {

using namespace osmium::builder::attr;  // NOLINT: osmium's attribute builders read best unqualified

// A river as a multipolygon of two half-ways (outer) with an island (inner), a street, a closed
// footway loop (a line, not a square), a building, and an untagged way.
void write_extract(const std::string& path) {
  osmium::memory::Buffer buffer{1 << 16, osmium::memory::Buffer::auto_grow::yes};
  const double square[4][2] = {{9.000, 45.000}, {9.010, 45.000}, {9.010, 45.004}, {9.000, 45.004}};
  for (int i = 0; i < 4; ++i)
    osmium::builder::add_node(buffer, _id(i + 1), _location(square[i][0], square[i][1]));
  const double island[4][2] = {{9.004, 45.001}, {9.006, 45.001}, {9.006, 45.002}, {9.004, 45.002}};
  for (int i = 0; i < 4; ++i)
    osmium::builder::add_node(buffer, _id(i + 11), _location(island[i][0], island[i][1]));
  osmium::builder::add_node(buffer, _id(21), _location(9.000, 45.006));
  osmium::builder::add_node(buffer, _id(22), _location(9.010, 45.006));
  osmium::builder::add_node(buffer, _id(23), _location(9.005, 45.007));
  osmium::builder::add_way(buffer, _id(100), _nodes({1, 2, 3}));
  osmium::builder::add_way(buffer, _id(101), _nodes({3, 4, 1}));
  osmium::builder::add_way(buffer, _id(102), _nodes({11, 12, 13, 14, 11}));
  osmium::builder::add_way(
      buffer, _id(103), _nodes({21, 22}), _tag("highway", "secondary"), _tag("name", "Rua"));
  osmium::builder::add_way(buffer, _id(104), _nodes({21, 22, 23, 21}), _tag("highway", "footway"));
  osmium::builder::add_way(buffer, _id(105), _nodes({11, 12, 13, 11}), _tag("building", "yes"));
  osmium::builder::add_relation(buffer,
                                _id(200),
                                _member(osmium::item_type::way, 100, "outer"),
                                _member(osmium::item_type::way, 101, "outer"),
                                _member(osmium::item_type::way, 102, "inner"),
                                _tag("type", "multipolygon"),
                                _tag("natural", "water"),
                                _tag("water", "river"),
                                _tag("name", "Rio"));
  osmium::io::Writer writer{path, osmium::io::overwrite::allow};
  writer(std::move(buffer));
  writer.close();
}

TEST(OsmBasemapReader, AssemblesMultipolygonWaterWithItsIslandAndKeepsLines) {
  narrando::testing::TempDir dir;
  write_extract(dir.file("a.osm.pbf"));
  const core::basemap::BasemapSource source = read_basemap_osm({dir.file("a.osm.pbf")});
  const auto water = std::find_if(source.areas.begin(), source.areas.end(), [](const auto& area) {
    return core::basemap::classify_area(area.tags)->kind == core::basemap::FeatureKind::Water;
  });
  ASSERT_NE(water, source.areas.end());
  ASSERT_EQ(water->rings.size(), 2u);  // outer and island
  EXPECT_EQ(water->rings[0].size(), 4u);
  EXPECT_EQ(water->rings[1].size(), 4u);
  const auto buildings =
      std::count_if(source.areas.begin(), source.areas.end(), [](const auto& area) {
        return core::basemap::classify_area(area.tags)->kind ==
               core::basemap::FeatureKind::Building;
      });
  EXPECT_EQ(buildings, 1);
  // Lines: the street and the footway loop; the untagged halves of the river are not lines.
  ASSERT_EQ(source.lines.size(), 2u);
  EXPECT_EQ(source.lines[0].points.size(), 2u);
  EXPECT_EQ(source.lines[1].points.size(), 4u);
}

TEST(OsmBasemapReader, BuildBasemapWritesAFileThatDecodes) {
  narrando::testing::TempDir dir;
  write_extract(dir.file("a.osm.pbf"));
  std::ostringstream out, err;
  const int code = cli::run({"build-basemap",
                             "--pbf",
                             dir.file("a.osm.pbf"),
                             "--bbox",
                             "44.99,8.99,45.01,9.02",
                             "--out",
                             dir.file("a.nbm")},
                            {},
                            out,
                            err);
  ASSERT_EQ(code, 0) << err.str();
  EXPECT_NE(out.str().find("features"), std::string::npos);
  std::ifstream file(dir.file("a.nbm"), std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)),
                                        std::istreambuf_iterator<char>());
  const core::basemap::Basemap map = core::basemap::decode_basemap(bytes);
  EXPECT_EQ(map.metadata.attribution, "© OpenStreetMap contributors, ODbL 1.0");
  EXPECT_NE(map.metadata.source.find("a.osm.pbf"), std::string::npos);
  EXPECT_EQ(map.metadata.source_checksum.rfind("sha256:", 0), 0u);
  std::vector<std::string> names;
  for (const auto& label : map.labels) names.push_back(label.text);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Rio", "Rua"}));
}

TEST(OsmBasemapReader, NamesAFileItCannotRead) {
  narrando::testing::TempDir dir;
  try {
    read_basemap_osm({dir.file("missing.osm.pbf")});
    FAIL() << "read a missing file";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.osm.pbf"), std::string::npos);
  }
}

}  // namespace
}  // namespace server::clients
