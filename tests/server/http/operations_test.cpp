#include <gtest/gtest.h>

#include <functional>
#include <regex>
#include <set>
#include <thread>

#include "server/http/routes.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

// Resolves "#/components/..." references in the document; returns false on a dangling one.
bool refs_resolve(const nlohmann::json& node,
                  const nlohmann::json& document,
                  std::string& dangling) {
  if (node.is_object()) {
    if (const auto it = node.find("$ref"); it != node.end()) {
      const std::string ref = it->get<std::string>();
      if (ref.rfind("#/", 0) != 0 ||
          !document.contains(nlohmann::json::json_pointer(ref.substr(1)))) {
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
  std::transform(
      text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
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
    for (std::size_t open = route.path.find('{'); open != std::string::npos;
         open = route.path.find('{', open + 1)) {
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

// The statuses a route documents, as strings ("200", "404", ...).
std::set<std::string> documented_statuses(const nlohmann::json& document,
                                          const std::string& method,
                                          const std::string& path) {
  std::set<std::string> statuses;
  for (const auto& item : document["paths"][path][lower(method)]["responses"].items())
    statuses.insert(item.key());
  return statuses;
}

TEST(OpenApi, DocumentsTheStatusesEveryRouteCanAnswer) {
  TestServer server;
  const auto document = json_of(server.client().Get("/api/openapi.json"));
  for (const auto& route : server::http::route_infos()) {
    const std::set<std::string> documented =
        documented_statuses(document, route.method, route.path);
    std::set<std::string> required{"200"};
    if (route.access != "public") required.insert({"401", "403"});
    // Bodies are read by the route: malformed (400), too large (413), not JSON or compressed (415).
    const bool takes_body = route.method != "GET";
    if (takes_body) required.insert({"400", "413", "415"});
    // Every /api route reads the store (503 when it does not answer), and any bug is a 500.
    if (route.path.rfind("/api/", 0) == 0 && route.path != "/api/openapi.json")
      required.insert({"500", "503"});
    if (route.path == "/api/generate-city") required.insert({"202", "404", "422", "502"});
    for (const std::string& status : required) {
      EXPECT_TRUE(documented.contains(status))
          << route.method << " " << route.path << " does not document " << status;
    }
    const auto& operation = document["paths"][route.path][lower(route.method)];
    if (takes_body) {
      ASSERT_TRUE(operation.contains("requestBody")) << route.path;
      for (const auto& item : operation["requestBody"]["content"].items()) {
        EXPECT_EQ(item.key(), "application/json") << route.path << ": the only media type accepted";
      }
    }
  }
}

// After a sweep of good and bad requests, every (route, status) the metrics counted must be in the
// document: what the handlers really answer, not what they were thought to answer.
TEST(OpenApi, EveryStatusTheServerAnsweredIsDocumented) {
  TestServer server{{{"API_KEYS", kApiKeys}}};
  auto client = server.client();
  const auto editor = bearer(kEditorKey);
  const auto app = bearer(kAppKey);
  const std::string city = generate(client, "geonames:2993458", editor);
  const std::string attraction =
      json_of(client.Get("/api/cities/" + city, editor))["attractions"][0]["id"];
  const std::string job = json_of(client.Post("/api/generate-city",
                                              editor,
                                              R"({"place_id": "geonames:2735943"})",
                                              "application/json"))
                              .value("job_id", "");
  const std::string missing = "00000000-0000-4000-8000-000000000000";
  const std::vector<std::string> bodies{
      "",
      "{",
      R"({"x":1e400})",
      R"({"place_id": "geonames:2867714", "options": {"force": true}})",
      R"({"place_id": "geonames:2993458"})",
      R"({"place_id": "nope"})",
      R"({"place_id": "geonames:1"})",
      R"({"visit_minutes": 25})",
      R"({"tours": []})",
      R"({"dry_run": true})",
      R"({"name": "\u0000"})",
      "{}",
      std::string(1024 * 1024 + 1, ' ')};
  for (const auto& route : server::http::route_infos()) {
    std::string path = route.path;
    for (const auto& [name, value] :
         {std::pair{"{id}", route.path.rfind("/api/jobs", 0) == 0 ? job : city},
          std::pair{"{aid}", attraction},
          std::pair{"{job}", job}}) {
      if (const auto at = path.find(name); at != std::string::npos)
        path.replace(at, std::string(name).size(), value);
    }
    const std::string unknown = route.path.find('{') == std::string::npos ? path : path + "x";
    for (const auto& headers : {httplib::Headers{}, app, editor}) {
      for (const std::string& target : {path, unknown, path + "?revision=abc"}) {
        if (route.method == "GET") {
          client.Get(target, headers);
          continue;
        }
        for (const std::string& body : bodies) {
          for (const std::string type : {"application/json", "text/plain"}) {
            httplib::Request request;
            request.method = route.method;
            request.path = target;
            request.body = body;
            request.headers = headers;
            request.set_header("Content-Type", type);
            request.set_header("Idempotency-Key",
                               "sweep");  // one request per key: the others are 422
            request.set_header("Prefer", "respond-async");
            client.send(request);
          }
        }
      }
    }
  }
  const auto document = json_of(client.Get("/api/openapi.json"));
  const std::string metrics = client.Get("/metrics")->body;
  const std::regex counted(
      R"re(narrando_http_requests_total\{method="([A-Z]+)",route="([^"]+)",status="(\d+)"\})re");
  std::set<std::string> seen;
  for (auto it = std::sregex_iterator(metrics.begin(), metrics.end(), counted);
       it != std::sregex_iterator();
       ++it) {
    const std::string method = (*it)[1], route = (*it)[2], status = (*it)[3];
    seen.insert(status);
    if (route == "unmatched" || route == "rejected")
      continue;  // no route, or refused before routing: see the document's description
    EXPECT_TRUE(documented_statuses(document, method, route).contains(status))
        << method << " " << route << " answered " << status << " but does not document it";
  }
  for (const char* status :
       {"200", "202", "400", "401", "403", "404", "409", "413", "415", "422"}) {
    EXPECT_TRUE(seen.contains(status)) << "the sweep never produced a " << status;
  }
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
  EXPECT_NE(text.find("narrando_http_requests_total{method=\"POST\",route=\"/api/"
                      "generate-city\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(text.find("route=\"/api/cities/{id}\",status=\"404\""), std::string::npos)
      << "routes, not raw paths";
  EXPECT_NE(text.find("narrando_http_request_duration_seconds_bucket{route=\"/api/"
                      "generate-city\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(text.find("narrando_jobs{state=\"succeeded\"} "), std::string::npos);
  EXPECT_NE(text.find("narrando_stage_duration_seconds_count{stage=\"plan\"}"), std::string::npos);
  EXPECT_NE(text.find("# TYPE narrando_external_calls_total counter"), std::string::npos);
}

// Bodies nlohmann refuses, or that no store can keep: each must be a 400 on every JSON route.
std::vector<std::string> hostile_json_bodies() {
  return {R"({"x":1e400})",  // out_of_range 406: number overflow
          R"({"place_id":-1e400})",
          R"([1e400])",
          R"({"options":{"tours":)" + std::string(400, '9') +
              "}}",  // an integer beyond even double range
          std::string(100000, '[') + std::string(100000, ']'),  // nesting far past the limit
          R"({"a":)" + std::string(70, '{') + std::string(70, '}') + "}",
          "{\"name\":\"\xc3\x28\"}",      // invalid UTF-8
          "{\"name\":\"\xc0\xaf\"}",      // overlong UTF-8
          "{\"name\":\"\xed\xa0\x80\"}",  // a surrogate encoded as UTF-8
          R"({"name":"\ud800"})",         // lone high surrogate
          R"({"name":"\udc00x"})",        // lone low surrogate
          R"({"name":"\ud800\u0041"})",   // high surrogate, then no low one
          R"({"name":"a\u0000b"})",       // NUL: PostgreSQL cannot store it
          R"({"na\u0000me":true})"};
}

// Every error answer has the DESIGN §3 shape.
void expect_error_shape(const httplib::Result& result, const std::string& what) {
  const auto body = nlohmann::json::parse(result->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << what << " -> " << result->body;
  EXPECT_EQ(body.value("success", true), false) << what << " -> " << result->body;
  ASSERT_TRUE(body.contains("error") && body["error"].is_object())
      << what << " -> " << result->body;
  EXPECT_TRUE(body["error"]["code"].is_string() &&
              !body["error"]["code"].get<std::string>().empty())
      << what;
  EXPECT_TRUE(body["error"]["message"].is_string() &&
              !body["error"]["message"].get<std::string>().empty())
      << what;
}

// Sends `body` as JSON with any method (httplib::Client has no generic call with a body).
httplib::Result send_json(httplib::Client& client,
                          const std::string& method,
                          const std::string& path,
                          const std::string& body) {
  httplib::Request request;
  request.method = method;
  request.path = path;
  request.body = body;
  request.set_header("Content-Type", "application/json");
  return client.send(request);
}

TEST(Robustness, NoInputMakesA500) {
  TestServer server;
  auto client = server.client();
  const std::string city = generate(client, "geonames:2993458");
  const std::string attraction = json_of(client.Get("/api/cities/" + city))["attractions"][0]["id"];
  std::vector<std::string> bodies{"",
                                  "{",
                                  "null",
                                  "[]",
                                  "\"text\"",
                                  "42",
                                  "{\"a\":",
                                  "\xff\xfe",
                                  "{\"tours\":null}",
                                  "{\"options\":[]}",
                                  "{\"place_id\":{}}",
                                  std::string(3000, '{'),
                                  "{\"stops\":[{\"attraction_id\":1}]}",
                                  "{\"tours\":[]}",
                                  "{\"tours\":[{\"stops\":[]}]}"};
  for (const std::string& body : hostile_json_bodies()) bodies.push_back(body);
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
      {"DELETE", "/api/cities/" + city},
      {"POST", "/api/no-such-route"}};
  for (const auto& [method, path] : targets) {
    for (const std::string& body : bodies) {
      const auto result = send_json(client, method, path, body);
      const std::string what = method + " " + path + " " + body.substr(0, 40);
      ASSERT_TRUE(result) << what;
      EXPECT_LT(result->status, 500) << what << " -> " << result->body;
      if (result->status >= 400) expect_error_shape(result, what);
    }
  }
  EXPECT_EQ(client.Get("/healthz")->status, 200);
}

TEST(Robustness, HostileJsonIsA400OnEveryJsonRoute) {
  TestServer server;
  auto client = server.client();
  const std::string city = generate(client, "geonames:2993458");
  const std::string attraction = json_of(client.Get("/api/cities/" + city))["attractions"][0]["id"];
  const std::vector<std::pair<std::string, std::string>> routes{
      {"POST", "/api/generate-city"},
      {"POST", "/api/cities/" + city + "/replan"},
      {"POST", "/api/cities/" + city + "/publish"},
      {"PUT", "/api/cities/" + city + "/tours"},
      {"PATCH", "/api/cities/" + city + "/attractions/" + attraction}};
  for (const auto& [method, path] : routes) {
    for (const std::string& body : hostile_json_bodies()) {
      const auto result = send_json(client, method, path, body);
      const std::string what = method + " " + path + " " + body.substr(0, 40);
      ASSERT_TRUE(result) << what;
      EXPECT_EQ(result->status, 400) << what << " -> " << result->body;
      expect_error_shape(result, what);
      const std::string code = json_of(result)["error"]["code"];
      const bool nul = body.find("\\u0000") != std::string::npos;
      EXPECT_EQ(code, nul ? "invalid_request" : "invalid_json") << what;
    }
  }
  // Nothing was written: the city is as generated, with one revision.
  EXPECT_EQ(json_of(client.Get("/api/cities/" + city))["revision"]["number"], 1);
}

}  // namespace
