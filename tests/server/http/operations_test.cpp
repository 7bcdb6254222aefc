#include <gtest/gtest.h>

#include <functional>
#include <thread>
#include <set>

#include "server/http/routes.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

// Resolves "#/components/..." references in the document; returns false on a dangling one.
bool refs_resolve(const nlohmann::json& node, const nlohmann::json& document, std::string& dangling) {
  if (node.is_object()) {
    if (const auto it = node.find("$ref"); it != node.end()) {
      const std::string ref = it->get<std::string>();
      if (ref.rfind("#/", 0) != 0 || !document.contains(nlohmann::json::json_pointer(ref.substr(1)))) {
        dangling = ref;
        return false;
      }
    }
    for (const auto& item : node.items()) {
      if (!refs_resolve(item.value(), document, dangling)) return false;
    }
  } else if (node.is_array()) {
    for (const auto& item : node) {
      if (!refs_resolve(item, document, dangling)) return false;
    }
  }
  return true;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

TEST(OpenApi, DescribesEveryRegisteredRoute) {
  TestServer server;
  const auto document = json_of(server.client().Get("/api/openapi.json"));
  EXPECT_EQ(document["openapi"].get<std::string>().rfind("3.", 0), 0u);
  EXPECT_TRUE(document["info"].contains("title"));
  EXPECT_TRUE(document["info"].contains("version"));
  std::size_t documented = 0;
  for (const auto& [path, operations] : document["paths"].items()) documented += operations.size();
  const auto routes = server::http::route_infos();
  EXPECT_EQ(documented, routes.size()) << "the document describes no route that does not exist";
  for (const auto& route : routes) {
    ASSERT_TRUE(document["paths"].contains(route.path)) << route.path;
    const auto& operations = document["paths"][route.path];
    ASSERT_TRUE(operations.contains(lower(route.method))) << route.method << " " << route.path;
    const auto& operation = operations[lower(route.method)];
    EXPECT_FALSE(operation["responses"].empty()) << route.path;
    EXPECT_TRUE(operation.contains("operationId")) << route.path;
    const bool is_public = operation.contains("security") && operation["security"].empty();
    EXPECT_EQ(is_public, route.access == "public") << route.path;
    // Every path parameter in the template is declared.
    for (std::size_t open = route.path.find('{'); open != std::string::npos; open = route.path.find('{', open + 1)) {
      const std::string name = route.path.substr(open + 1, route.path.find('}', open) - open - 1);
      bool declared = false;
      for (const auto& parameter : operation.value("parameters", nlohmann::json::array())) {
        declared |= parameter["in"] == "path" && parameter["name"] == name;
      }
      EXPECT_TRUE(declared) << route.path << " {" << name << "}";
    }
  }
  std::string dangling;
  EXPECT_TRUE(refs_resolve(document, document, dangling)) << dangling;
}

TEST(Metrics, CountRequestsByRouteAndExposeJobsAndStages) {
  TestServer server;
  auto client = server.client();
  generate(client, "geonames:2735943");
  client.Get("/api/cities/00000000-0000-4000-8000-000000000000");
  // A request is counted by the access log, which runs just after its response is sent.
  httplib::Result metrics = client.Get("/metrics");
  for (int i = 0; i < 100 && metrics->body.find("status=\"404\"") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    metrics = client.Get("/metrics");
  }
  ASSERT_EQ(metrics->status, 200);
  EXPECT_EQ(metrics->get_header_value("Content-Type"), "text/plain; version=0.0.4");
  const std::string& text = metrics->body;
  EXPECT_NE(text.find("narrando_http_requests_total{method=\"POST\",route=\"/api/generate-city\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(text.find("route=\"/api/cities/{id}\",status=\"404\""), std::string::npos) << "routes, not raw paths";
  EXPECT_NE(text.find("narrando_http_request_duration_seconds_bucket{route=\"/api/generate-city\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(text.find("narrando_jobs{state=\"succeeded\"} "), std::string::npos);
  EXPECT_NE(text.find("narrando_stage_duration_seconds_count{stage=\"plan\"}"), std::string::npos);
  EXPECT_NE(text.find("# TYPE narrando_external_calls_total counter"), std::string::npos);
}

TEST(Robustness, NoInputMakesA500) {
  TestServer server;
  auto client = server.client();
  const std::string city = generate(client, "geonames:2993458");
  const std::string attraction = json_of(client.Get("/api/cities/" + city))["attractions"][0]["id"];
  const std::vector<std::string> bodies{"",        "{",      "null",          "[]",           "\"text\"",  "42",
                                        "{\"a\":", "\xff\xfe", "{\"tours\":null}", "{\"options\":[]}", "{\"place_id\":{}}",
                                        std::string(3000, '{'), "{\"stops\":[{\"attraction_id\":1}]}"};
  const std::vector<std::pair<std::string, std::string>> targets{
      {"POST", "/api/generate-city"},
      {"POST", "/api/cities/" + city + "/replan"},
      {"POST", "/api/cities/" + city + "/publish"},
      {"PUT", "/api/cities/" + city + "/tours"},
      {"PATCH", "/api/cities/" + city + "/attractions/" + attraction},
      {"GET", "/api/cities/" + city + "?revision=-1"},
      {"GET", "/api/cities/%00"},
      {"GET", "/api/jobs/%FF%FE"},
      {"GET", "/api/cities/" + city + "/runs/x"},
      {"DELETE", "/api/cities/" + city}};
  for (const auto& [method, path] : targets) {
    for (const std::string& body : bodies) {
      httplib::Request request;
      request.method = method;
      request.path = path;
      request.body = body;
      request.set_header("Content-Type", "application/json");
      const auto result = client.send(request);
      ASSERT_TRUE(result) << method << " " << path;
      EXPECT_LT(result->status, 500) << method << " " << path << " " << body.substr(0, 40) << " -> " << result->body;
      EXPECT_NE(result->body.find("\"success\""), std::string::npos) << method << " " << path;
    }
  }
}

}  // namespace
