#pragma once

#include <string>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace narrando::testing {

inline const std::string kAppKey = "app-key-0123456789abcdef";
inline const std::string kEditorKey = "editor-key-0123456789abcdef";
inline const std::string kApiKeys = kAppKey + ":app," + kEditorKey + ":editor";

/// `Authorization: Bearer <key>`.
inline httplib::Headers bearer(const std::string& key) {
  return {{"Authorization", "Bearer " + key}};
}

/// The JSON body of a response (the test fails if there is none).
inline nlohmann::json json_of(const httplib::Result& result) {
  if (!result) {
    ADD_FAILURE() << "no response: " << httplib::to_string(result.error());
    return {};
  }
  return nlohmann::json::parse(result->body);
}

/// Checks the error shape, the status and the code.
inline void expect_error(const httplib::Result& result, int status, const std::string& code) {
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, status) << result->body;
  const auto body = nlohmann::json::parse(result->body, nullptr, false);
  ASSERT_FALSE(body.is_discarded()) << result->body;
  EXPECT_EQ(body["success"], false) << result->body;
  EXPECT_EQ(body["error"]["code"], code) << result->body;
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

/// Generates `place_id` through the API (waiting for it) and returns the city id.
inline std::string generate(httplib::Client& client,
                            const std::string& place_id,
                            const httplib::Headers& headers = {},
                            const std::string& options = "{}") {
  const auto result =
      client.Post("/api/generate-city",
                  headers,
                  R"({"place_id": ")" + place_id + R"(", "options": )" + options + "}",
                  "application/json");
  EXPECT_TRUE(result && result->status == 200)
      << (result ? result->body : httplib::to_string(result.error()));
  return result ? json_of(result).value("city_id", "") : "";
}

}  // namespace narrando::testing
