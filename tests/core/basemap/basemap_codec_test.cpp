#include "shared/basemap/basemap_codec.h"

#include <gtest/gtest.h>

#include "shared/basemap/basemap_builder.h"
#include "shared/errors.h"

namespace core::basemap {
namespace {

// A small city: a river area with an island, a street with a bridge, a named square.
Basemap sample_basemap() {
  BasemapSource source;
  source.areas.push_back({{{{41.138, -8.63}, {41.138, -8.60}, {41.142, -8.60}, {41.142, -8.63}},
                           {{41.139, -8.62}, {41.139, -8.61}, {41.141, -8.61}, {41.141, -8.62}}},
                          {{"natural", "water"}, {"water", "river"}, {"name", "Douro"}}});
  source.areas.push_back(
      {{{{41.146, -8.611}, {41.146, -8.610}, {41.147, -8.610}, {41.147, -8.611}}},
       {{"place", "square"}, {"name", "Praça"}}});
  source.lines.push_back({{{41.136, -8.615}, {41.144, -8.614}, {41.150, -8.612}},
                          {{"highway", "primary"}, {"bridge", "yes"}, {"name", "Ponte"}}});
  const model::BoundingBox box{{41.13, -8.64}, {41.16, -8.59}};
  return build_basemap(
             source, box, {"© OpenStreetMap contributors, ODbL 1.0", "test.osm.pbf", "sha256:00"})
      .basemap;
}

TEST(BasemapCodec, RoundTripsFeaturesRingsPointsAndLabels) {
  const Basemap map = sample_basemap();
  ASSERT_FALSE(map.features.empty());
  ASSERT_EQ(map.labels.size(), 3u);
  const std::vector<std::uint8_t> bytes = encode_basemap(map);
  EXPECT_EQ(decode_basemap(bytes), map);
  // The same input gives the same bytes.
  EXPECT_EQ(encode_basemap(sample_basemap()), bytes);
}

TEST(BasemapCodec, RefusesCorruptionTruncationAndOtherFiles) {
  std::vector<std::uint8_t> bytes = encode_basemap(sample_basemap());
  std::vector<std::uint8_t> flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x10;
  EXPECT_THROW(decode_basemap(flipped), InputError);
  EXPECT_THROW(decode_basemap(std::span(bytes).first(bytes.size() - 3)), InputError);
  std::vector<std::uint8_t> other = bytes;
  other[0] = 'X';
  EXPECT_THROW(decode_basemap(other), InputError);
  EXPECT_THROW(decode_basemap({}), InputError);
  try {
    decode_basemap(flipped);
  } catch (const InputError& e) {
    EXPECT_EQ(e.code(), "invalid_basemap");
  }
}

TEST(BasemapCodec, RefusesAnUnknownKindEvenWithAValidChecksum) {
  Basemap map = sample_basemap();
  std::vector<std::uint8_t> bytes = encode_basemap(map);
  // Re-encode with a kind past the last one: the checksum is right, the kind is not.
  map.features.front().kind = static_cast<FeatureKind>(kFeatureKindCount);
  EXPECT_THROW(decode_basemap(encode_basemap(map)), InputError);
}

}  // namespace
}  // namespace core::basemap
