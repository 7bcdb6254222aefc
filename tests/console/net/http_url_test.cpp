#include "console/net/http_url.h"

#include <gtest/gtest.h>

#include "shared/errors.h"

namespace {

using console::net::split_url;

TEST(SplitUrl, SeparatesOriginAndPath) {
  const auto url = split_url("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  EXPECT_EQ(url.scheme, "https");
  EXPECT_EQ(url.origin, "https://tile.openstreetmap.org");
  EXPECT_EQ(url.host, "tile.openstreetmap.org");
  EXPECT_EQ(url.port, 443);
  EXPECT_EQ(url.path, "/{z}/{x}/{y}.png");
  const auto local = split_url("http://127.0.0.1:8080");
  EXPECT_EQ(local.origin, "http://127.0.0.1:8080");
  EXPECT_EQ(local.port, 8080);
  EXPECT_EQ(local.path, "/");
}

TEST(SplitUrl, RejectsWhatHttplibCannotReach) {
  EXPECT_THROW(split_url("tile.openstreetmap.org/{z}"), core::InputError);
  EXPECT_THROW(split_url("ftp://example.org/x"), core::InputError);
  EXPECT_THROW(split_url("http://:80/"), core::InputError);
  EXPECT_THROW(split_url("http://host:99999/"), core::InputError);
}

TEST(NormaliseBaseUrl, DropsTrailingSlashes) {
  EXPECT_EQ(console::net::normalise_base_url("http://h:8080/ "), "http://h:8080");
  EXPECT_EQ(console::net::normalise_base_url("https://api.example/narrando/"),
            "https://api.example/narrando");
}

TEST(TilePath, FillsThePlaceholders) {
  EXPECT_EQ(console::net::tile_path("/{z}/{x}/{y}.png", {15, 16597, 11273}), "/15/16597/11273.png");
  EXPECT_EQ(console::net::tile_path("/tiles?l={z}&c={x}&r={y}", {1, 0, 1}), "/tiles?l=1&c=0&r=1");
  EXPECT_THROW(console::net::tile_path("/{z}/{x}.png", {1, 0, 0}), core::InputError);
}

TEST(UrlEscape, KeepsUnreservedCharacters) {
  EXPECT_EQ(console::net::url_escape("Kraków Old-Town_1.~"), "Krak%C3%B3w%20Old-Town_1.~");
  EXPECT_EQ(console::net::url_escape("a/b?c"), "a%2Fb%3Fc");
}

}  // namespace
