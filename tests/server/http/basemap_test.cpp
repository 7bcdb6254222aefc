#include <gtest/gtest.h>
#include <zlib.h>

#include "server/offline/basemaps.h"
#include "shared/basemap/basemap_codec.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

std::string gunzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(data.size() * 8 + 1024, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

core::basemap::Basemap decode(const std::string& body) {
  return core::basemap::decode_basemap(
      std::span(reinterpret_cast<const std::uint8_t*>(body.data()), body.size()));
}

class Basemap : public ::testing::Test {
 protected:
  TestServer server{{{"API_KEYS", kApiKeys}}};
  httplib::Client client = server.client();
  httplib::Headers app = bearer(kAppKey);
};

TEST_F(Basemap, AnyKeyGetsTheCitysBasemapCacheableAndCompressed) {
  const std::string city = generate(client, "geonames:2735943", app);
  const auto plain = client.Get("/api/cities/" + city + "/basemap", app);
  ASSERT_EQ(plain->status, 200) << plain->body;
  EXPECT_EQ(plain->get_header_value("Content-Type"), "application/vnd.narrando.basemap");
  EXPECT_EQ(plain->get_header_value("Cache-Control"), "public, max-age=86400");
  const std::string etag = plain->get_header_value("ETag");
  EXPECT_EQ(etag.size(), 18u);
  const core::basemap::Basemap map = decode(plain->body);
  EXPECT_EQ(map.metadata.attribution, "© OpenStreetMap contributors, ODbL 1.0");
  EXPECT_NE(map.metadata.source.find("porto"), std::string::npos);
  const auto water = std::count_if(map.features.begin(), map.features.end(), [](const auto& f) {
    return f.kind == core::basemap::FeatureKind::Water;
  });
  EXPECT_GT(water, 0) << "Porto's basemap has the Douro";

  httplib::Headers gzip_headers = app;
  gzip_headers.emplace("Accept-Encoding", "gzip, deflate");
  httplib::Client raw = server.client();
  raw.set_decompress(false);  // the compressed bytes as sent
  const auto packed = raw.Get("/api/cities/" + city + "/basemap", gzip_headers);
  ASSERT_EQ(packed->status, 200);
  EXPECT_EQ(packed->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(packed->body.size(), plain->body.size() * 3 / 4);
  EXPECT_TRUE(gunzip(packed->body) ==
              plain->body);  // not EXPECT_EQ: a failure would print the bytes

  httplib::Headers revalidate = app;
  revalidate.emplace("If-None-Match", etag);
  const auto unchanged = client.Get("/api/cities/" + city + "/basemap", revalidate);
  EXPECT_EQ(unchanged->status, 304);
  EXPECT_TRUE(unchanged->body.empty());
}

TEST_F(Basemap, ACityWithoutBasemapOrUnknownIs404AndNoKeyIs401) {
  // Brussels is embedded but has no OpenStreetMap extract, so no basemap.
  const std::string brussels = generate(client, "geonames:2800866", app);
  expect_error(client.Get("/api/cities/" + brussels + "/basemap", app), 404, "no_basemap");
  expect_error(client.Get("/api/cities/00000000-0000-4000-8000-000000000000/basemap", app),
               404,
               "not_found");
  EXPECT_EQ(client.Get("/api/cities/" + brussels + "/basemap")->status, 401);
}

TEST(BasemapFiles, EveryEmbeddedBasemapDecodesAndCoversItsCity) {
  const auto files = server::offline::embedded_basemap_files();
  ASSERT_GE(files.size(), 14u);
  const auto& catalogue = server::offline::EmbeddedCatalogue::builtin();
  for (const auto& file : files) {
    const core::basemap::Basemap map = core::basemap::decode_basemap(file.bytes);
    EXPECT_FALSE(map.features.empty()) << file.city_key;
    for (const auto& city : catalogue.cities()) {
      if (city.key != file.city_key) continue;
      const core::basemap::GridPoint centre =
          core::basemap::to_grid(city.city.centre.lat_deg, city.city.centre.lon_deg);
      EXPECT_TRUE(map.bounds.intersects({centre, centre})) << file.city_key;
      EXPECT_EQ(server::offline::find_basemap(files, catalogue, city.city), &file);
    }
  }
}

TEST(BasemapFiles, AGooglePlacesCityOverAnEmbeddedOneGetsItsBasemapByLocation) {
  const auto files = server::offline::embedded_basemap_files();
  const auto& catalogue = server::offline::EmbeddedCatalogue::builtin();
  core::model::City city;
  city.place_id = "ChIJ-some-google-place";
  city.centre = catalogue.find("geonames:2735943")->city.centre;
  const auto* file = server::offline::find_basemap(files, catalogue, city);
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->city_key, "porto");
  city.centre = {0.0, 0.0};
  EXPECT_EQ(server::offline::find_basemap(files, catalogue, city), nullptr);
}

}  // namespace
