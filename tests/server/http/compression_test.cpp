// Compressed answers: published cities compressed once and served from memory in the coding the
// client prefers, with validators; other large answers compressed cheaply; small ones left alone.
#include <gtest/gtest.h>

#include "server/http/content_coding.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;
using server::http::ContentCoding;
using server::http::negotiate;

TEST(ContentCoding, NegotiatesByNameQualityAndWildcard) {
  EXPECT_EQ(negotiate("gzip, deflate, br", {ContentCoding::Brotli, ContentCoding::Gzip}),
            ContentCoding::Brotli);
  EXPECT_EQ(negotiate("br;q=0, gzip;q=0.8", {ContentCoding::Brotli, ContentCoding::Gzip}),
            ContentCoding::Gzip);
  EXPECT_EQ(negotiate("BR; Q=0.5", {ContentCoding::Brotli, ContentCoding::Gzip}),
            ContentCoding::Brotli);
  EXPECT_EQ(negotiate("x-gzip", {ContentCoding::Brotli, ContentCoding::Gzip}), ContentCoding::Gzip);
  EXPECT_EQ(negotiate("*", {ContentCoding::Brotli, ContentCoding::Gzip}), ContentCoding::Brotli);
  EXPECT_EQ(negotiate("*;q=0, gzip", {ContentCoding::Brotli, ContentCoding::Gzip}),
            ContentCoding::Gzip);
  EXPECT_EQ(negotiate("gzipx, identity", {ContentCoding::Brotli, ContentCoding::Gzip}),
            ContentCoding::Identity);
  EXPECT_EQ(negotiate("gzip;q=abc", {ContentCoding::Gzip}), ContentCoding::Identity)
      << "an unreadable q admits nothing";
  EXPECT_EQ(negotiate("", {ContentCoding::Brotli, ContentCoding::Gzip}), ContentCoding::Identity);
}

TEST(ContentCoding, MatchesEntityTagsWeakly) {
  EXPECT_TRUE(server::http::etag_matches(R"("a", W/"b-br")", R"("b-br")"));
  EXPECT_TRUE(server::http::etag_matches(" * ", R"("x")"));
  EXPECT_FALSE(server::http::etag_matches(R"("b")", R"("b-br")"));
  EXPECT_FALSE(server::http::etag_matches("", R"("b")"));
}

class Compression : public ::testing::Test {
 protected:
  TestServer server{{{"API_KEYS", kApiKeys}}};
  httplib::Client client = server.client();  // decompresses what it is sent
  httplib::Client raw = server.client();
  httplib::Headers app = bearer(kAppKey);
  httplib::Headers editor = bearer(kEditorKey);

  void SetUp() override { raw.set_decompress(false); }

  httplib::Headers
  with(httplib::Headers headers, const std::string& name, const std::string& value) {
    headers.emplace(name, value);
    return headers;
  }
};

TEST_F(Compression, APublishedCityIsServedInThePreferredCodingWithValidators) {
  const std::string city = generate(client, "geonames:2735943", app);
  const std::string path = "/api/cities/" + city;
  const auto identity = raw.Get(path, with(app, "Accept-Encoding", "identity"));
  ASSERT_EQ(identity->status, 200);
  EXPECT_FALSE(identity->has_header("Content-Encoding"));
  EXPECT_GT(identity->body.size(), 20000u) << "a real city document";

  const auto br = raw.Get(path, with(app, "Accept-Encoding", "gzip, deflate, br"));
  ASSERT_EQ(br->status, 200);
  EXPECT_EQ(br->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(br->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(br->get_header_value("Cache-Control"), "public, max-age=2");
  EXPECT_LT(br->body.size(), identity->body.size() / 5) << "compressed at high quality";
  const auto gz = raw.Get(path, with(app, "Accept-Encoding", "gzip"));
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(gz->body.size(), identity->body.size() / 4);
  EXPECT_GT(gz->body.size(), br->body.size());

  // The client decodes both to the very bytes of the identity answer.
  EXPECT_TRUE(client.Get(path, with(app, "Accept-Encoding", "br"))->body == identity->body);
  EXPECT_TRUE(client.Get(path, with(app, "Accept-Encoding", "gzip"))->body == identity->body);

  // One strong tag per representation; If-None-Match with it answers 304 and no body.
  const std::string tag = br->get_header_value("ETag");
  EXPECT_EQ(tag, identity->get_header_value("ETag").substr(0, 17) + "-br\"");
  EXPECT_NE(tag, gz->get_header_value("ETag"));
  auto revalidate = with(with(app, "Accept-Encoding", "br"), "If-None-Match", tag);
  const auto unchanged = raw.Get(path, revalidate);
  EXPECT_EQ(unchanged->status, 304);
  EXPECT_TRUE(unchanged->body.empty());
  EXPECT_EQ(unchanged->get_header_value("ETag"), tag);
  const auto other_coding =
      raw.Get(path, with(with(app, "Accept-Encoding", "gzip"), "If-None-Match", tag));
  EXPECT_EQ(other_coding->status, 200) << "the gzip representation has its own tag";
}

TEST_F(Compression, ANewPublishedRevisionGetsANewTag) {
  const std::string city = generate(client, "geonames:2993458", app);
  const std::string path = "/api/cities/" + city;
  const std::string before =
      raw.Get(path, with(app, "Accept-Encoding", "br"))->get_header_value("ETag");
  generate(client, "geonames:2993458", editor, R"({"tours": 3, "force": true})");
  ASSERT_EQ(client.Post(path + "/publish", editor, "{}", "application/json")->status, 200);
  // The app may read the previous revision for PUBLISHED_CACHE_SECONDS; an editor reads the new
  // one.
  const auto after = raw.Get(path, with(editor, "Accept-Encoding", "br"));
  ASSERT_EQ(after->status, 200);
  EXPECT_NE(after->get_header_value("ETag"), before);
  EXPECT_EQ(
      raw.Get(path, with(with(editor, "Accept-Encoding", "br"), "If-None-Match", before))->status,
      200);
}

TEST_F(Compression, AnEditorsDraftIsCompressedAndSmallAnswersAreNot) {
  const std::string city = generate(client, "geonames:2735943", app);
  generate(client, "geonames:2735943", editor, R"({"tours": 3, "force": true})");
  const std::string path = "/api/cities/" + city;  // an editor reads the draft
  const auto identity = raw.Get(path, with(editor, "Accept-Encoding", "identity"));
  ASSERT_EQ(identity->status, 200) << identity->body;
  const auto draft = raw.Get(path, with(editor, "Accept-Encoding", "gzip, deflate, br"));
  ASSERT_TRUE(draft) << httplib::to_string(draft.error());
  EXPECT_EQ(draft->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(draft->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_LT(draft->body.size(), identity->body.size() / 4);
  EXPECT_TRUE(client.Get(path, with(editor, "Accept-Encoding", "br"))->body == identity->body);

  const auto health = raw.Get("/healthz", httplib::Headers{{"Accept-Encoding", "br, gzip"}});
  ASSERT_EQ(health->status, 200);
  EXPECT_FALSE(health->has_header("Content-Encoding")) << "a few bytes are not worth a coding";
}

}  // namespace
