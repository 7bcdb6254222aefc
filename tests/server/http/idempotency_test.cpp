// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): one key stands for one request of
// one client. Repeating it replays that request's job; reusing it for another request is refused;
// two clients never share a key.
#include <gtest/gtest.h>

#include "tests/server/http/http_helpers.h"
#include "tests/support/raw_http.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

httplib::Result submit(httplib::Client& client,
                       const std::string& api_key,
                       const std::string& idempotency_key,
                       const std::string& body) {
  httplib::Headers headers = bearer(api_key);
  headers.emplace("Prefer", "respond-async");
  headers.emplace("Idempotency-Key", idempotency_key);
  return client.Post("/api/generate-city", headers, body, "application/json");
}

class IdempotencyKey : public ::testing::Test {
 protected:
  TestServer server{{{"API_KEYS", kApiKeys}, {"WORKERS", "0"}}};  // jobs stay queued
  httplib::Client client = server.client();
};

TEST_F(IdempotencyKey, TheSameRequestAgainGetsTheSameJob) {
  const auto first = submit(client, kAppKey, "order-1", R"({"place_id": "geonames:2735943"})");
  const auto again = submit(
      client, kAppKey, "\"order-1\"", R"({ "options": {}, "place_id": "geonames:2735943" })");
  ASSERT_EQ(first->status, 202) << first->body;
  ASSERT_EQ(again->status, 202) << again->body;
  EXPECT_EQ(json_of(again)["job_id"], json_of(first)["job_id"]);
  const auto job = json_of(
      client.Get("/api/jobs/" + json_of(first)["job_id"].get<std::string>(), bearer(kAppKey)));
  EXPECT_EQ(job["idempotency_key"], "order-1") << "the key as sent, without its owner's scope";
}

TEST_F(IdempotencyKey, ReusedForADifferentRequestIs422AndQueuesNothing) {
  const auto porto = submit(client, kAppKey, "order-2", R"({"place_id": "geonames:2735943"})");
  ASSERT_EQ(porto->status, 202) << porto->body;
  const auto vaduz = submit(client, kAppKey, "order-2", R"({"place_id": "geonames:3042030"})");
  expect_error(vaduz, 422, "idempotency_key_reused");
  EXPECT_EQ(json_of(vaduz).value("job_id", ""), "") << "no job of another city passes for this one";
  expect_error(submit(client,
                      kAppKey,
                      "order-2",
                      R"({"place_id": "geonames:2735943", "options": {"tours": 2}})"),
               422,
               "idempotency_key_reused");
  EXPECT_EQ(server.services().store->count_jobs().at(core::model::JobStatus::Queued), 1);
}

TEST(IdempotencyKeyWithWorkers, AReusedKeyIsRefusedEvenForACityThatAlreadyExists) {
  TestServer running{{{"API_KEYS", kApiKeys}}};
  auto live = running.client();
  generate(live, "geonames:2993458", bearer(kEditorKey));  // Monaco exists now
  const auto porto = submit(live, kAppKey, "order-3", R"({"place_id": "geonames:2735943"})");
  ASSERT_LT(porto->status, 300) << porto->body;
  expect_error(submit(live, kAppKey, "order-3", R"({"place_id": "geonames:2993458"})"),
               422,
               "idempotency_key_reused");
}

TEST_F(IdempotencyKey, KeysAreScopedToTheCallersApiKey) {
  const auto mine = submit(client, kAppKey, "shared-key", R"({"place_id": "geonames:2735943"})");
  const auto theirs =
      submit(client, kEditorKey, "shared-key", R"({"place_id": "geonames:3042030"})");
  ASSERT_EQ(mine->status, 202) << mine->body;
  ASSERT_EQ(theirs->status, 202) << theirs->body;
  EXPECT_NE(json_of(theirs)["job_id"], json_of(mine)["job_id"]);
  EXPECT_EQ(json_of(theirs)["joined"], false);
  const auto job = json_of(
      client.Get("/api/jobs/" + json_of(theirs)["job_id"].get<std::string>(), bearer(kAppKey)));
  EXPECT_EQ(job["place_id"], "geonames:3042030");
  // Each client's repeat still finds its own job.
  EXPECT_EQ(json_of(submit(
                client, kAppKey, "shared-key", R"({"place_id": "geonames:2735943"})"))["job_id"],
            json_of(mine)["job_id"]);
}

TEST_F(IdempotencyKey, MalformedKeysAre400) {
  for (const std::string& key :
       {std::string(256, 'k'), std::string("caf\xc3\xa9"), std::string("\"\"")}) {
    expect_error(submit(client, kAppKey, key, R"({"place_id": "geonames:2735943"})"),
                 400,
                 "invalid_request");
  }
  const auto jobs = server.services().store->count_jobs();
  EXPECT_TRUE(!jobs.contains(core::model::JobStatus::Queued) ||
              jobs.at(core::model::JobStatus::Queued) == 0);
}

// An empty header ("Idempotency-Key:" with nothing after it) is a key of 0 characters, not an
// absent header: 400 like any other malformed key (the README says 1 to 255 characters).
TEST_F(IdempotencyKey, AnEmptyKeyIs400) {
  for (const std::string& header : {std::string("Idempotency-Key:"),
                                    std::string("Idempotency-Key:   "),
                                    std::string("idempotency-key: \t")}) {
    const std::string body = R"({"place_id": "geonames:2735943"})";
    const RawExchange exchange = raw_exchange(
        server.port(),
        "POST /api/generate-city HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: "
        "Bearer " +
            std::string(kAppKey) +
            "\r\nPrefer: respond-async\r\nContent-Type: application/json\r\n" + header +
            "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    EXPECT_EQ(exchange.status(), 400) << header << "\n" << exchange.response;
    EXPECT_NE(exchange.body().find("Idempotency-Key"), std::string::npos) << exchange.body();
  }
  const auto jobs = server.services().store->count_jobs();
  EXPECT_TRUE(!jobs.contains(core::model::JobStatus::Queued) ||
              jobs.at(core::model::JobStatus::Queued) == 0);
}

}  // namespace
