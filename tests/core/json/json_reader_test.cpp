#include "shared/json/json_reader.h"

#include <gtest/gtest.h>

#include "shared/errors.h"

namespace {

using core::json::kMaxJsonDepth;
using core::json::parse_json;
using core::json::parse_request_json;

std::string nested_arrays(int depth) {
  const auto size = static_cast<std::size_t>(depth);
  return std::string(size, '[') + std::string(size, ']');
}

// The error's code, or "" when `text` parses.
std::string code_of(const std::string& text, bool request) {
  try {
    request ? parse_request_json(text) : parse_json(text);
    return "";
  } catch (const core::InputError& e) {
    return e.code();
  }
}

TEST(ParseJson, NumbersBeyondDoubleRangeAreInvalidJson) {
  EXPECT_EQ(code_of(R"({"x":1e400})", false), "invalid_json");
  EXPECT_EQ(code_of(R"([-1e400])", false), "invalid_json");
  EXPECT_EQ(code_of(std::string(400, '9'), false), "invalid_json");
  EXPECT_EQ(code_of(R"({"x":1e300})", false), "");
}

TEST(ParseJson, NestingIsBoundedAtTheLimit) {
  EXPECT_EQ(code_of(nested_arrays(kMaxJsonDepth), false), "");
  EXPECT_EQ(code_of(nested_arrays(kMaxJsonDepth + 1), false), "invalid_json");
  EXPECT_EQ(code_of(nested_arrays(200000), false), "invalid_json");
}

TEST(ParseJson, InvalidUtf8AndLoneSurrogatesAreInvalidJson) {
  EXPECT_EQ(code_of("\"\xc3\x28\"", false), "invalid_json");
  EXPECT_EQ(code_of("\"\xed\xa0\x80\"", false), "invalid_json");
  EXPECT_EQ(code_of(R"("\ud800")", false), "invalid_json");
  EXPECT_EQ(code_of(R"("\udc00")", false), "invalid_json");
  EXPECT_EQ(code_of(R"("\ud83d\ude00")", false), "");  // a proper pair
}

TEST(ParseJson, QuotesAtMostAShortPieceOfTheInput) {
  try {
    parse_json("\"" + std::string(100000, 'a') + "\x01\"");
    FAIL() << "accepted a control character in a string";
  } catch (const core::InputError& e) {
    EXPECT_LT(std::string(e.what()).size(), 400u);
  }
}

TEST(ParseRequestJson, NulInAnyStringOrNameIsRefusedNamingItsPath) {
  EXPECT_EQ(code_of(R"({"name":"a\u0000b"})", true), "invalid_request");
  try {
    parse_request_json(
        R"({"tours":[{"stops":[{"attraction_id":"x"},{"attraction_id":"\u0000"}]}]})");
    FAIL() << "accepted U+0000";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("tours[0].stops[1].attraction_id"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(code_of(R"({"a\u0000":1})", true), "invalid_request");
  EXPECT_EQ(code_of(R"({"name":"a\u0000b"})", false), "")
      << "parse_json itself keeps what it parsed";
  EXPECT_EQ(code_of(R"({"name":"tab\there, line\nbreak, \u0001"})", true), "")
      << "other controls store fine";
}

}  // namespace
