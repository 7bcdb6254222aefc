#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "tests/fakes/fake_google.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

TEST(Jobs, StatusShowsStagesTimingsAndResult) {
  TestServer server;
  auto client = server.client();
  const auto generated = json_of(
      client.Post("/api/generate-city", R"({"place_id": "geonames:2735943"})", "application/json"));
  const auto job = json_of(client.Get("/api/jobs/" + generated["job_id"].get<std::string>()));
  EXPECT_EQ(job["success"], true);
  EXPECT_EQ(job["status"], "succeeded");
  EXPECT_DOUBLE_EQ(job["progress"].get<double>(), 1.0);
  EXPECT_EQ(job["result"]["city_id"], generated["city_id"]);
  ASSERT_EQ(job["stages"].size(), 6u);
  EXPECT_EQ(job["stages"][0]["stage"], "city");
  EXPECT_EQ(job["status_url"], "/api/jobs/" + job["id"].get<std::string>());
  expect_error(client.Get("/api/jobs/00000000-0000-4000-8000-000000000000"), 404, "not_found");
  expect_error(client.Get("/api/jobs/garbage"), 404, "not_found");
}

TEST(Jobs, JoiningAndIdempotencyKeysNeverDuplicateWork) {
  TestServer server{{{"WORKERS", "0"}}};  // nobody runs jobs: they stay queued
  auto client = server.client();
  const auto first = client.Post("/api/generate-city",
                                 {{"Prefer", "respond-async"}},
                                 R"({"place_id": "geonames:2735943"})",
                                 "application/json");
  const auto second = client.Post("/api/generate-city",
                                  {{"Prefer", "respond-async"}},
                                  R"({"place_id": "geonames:2735943", "options": {"tours": 2}})",
                                  "application/json");
  ASSERT_EQ(first->status, 202);
  ASSERT_EQ(second->status, 202);
  EXPECT_EQ(json_of(second)["job_id"], json_of(first)["job_id"]);
  EXPECT_EQ(json_of(second)["joined"], true);
  const httplib::Headers keyed{{"Prefer", "respond-async"}, {"Idempotency-Key", "order-42"}};
  const auto a = json_of(client.Post(
      "/api/generate-city", keyed, R"({"place_id": "geonames:2993458"})", "application/json"));
  const auto b = json_of(client.Post(
      "/api/generate-city", keyed, R"({"place_id": "geonames:2993458"})", "application/json"));
  EXPECT_EQ(a["job_id"], b["job_id"]);
  EXPECT_EQ(server.services().store->count_jobs().at(core::model::JobStatus::Queued), 2);
}

TEST(Jobs, TheSamePlaceJoinsARunningJob) {
  // The fake's Place Details holds its first request until the test moves the fake's clock, then
  // answers 503 (and normally on the client's retry): the job is running, not queued, while the
  // second request arrives.
  const std::string google_key = "AIzaFakeKeyForTests0123";
  server::support::ManualClock held;
  FakeGoogle google(google_key);
  google.inject("getPlace",
                Fault{503, "", "application/json", "", std::chrono::seconds(2), false, &held});
  struct Release {  // whatever happens below, the held request ends before the fake stops
    server::support::ManualClock& clock;
    ~Release() { clock.advance(std::chrono::hours(1)); }
  } release{held};
  TestServer server{{{"GOOGLE_PLACES_API_KEY", google_key},
                     {"GOOGLE_PLACES_BASE_URL", google.base_url()},
                     {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
                     {"ROUTES_POLICY", "off"},
                     {"WALKING_NETWORK", "model"},
                     {"CLIENT_RETRY_BASE_MS", "1"}}};
  auto client = server.client();
  const std::string body = R"({"place_id": ")" + google.place_id() + R"("})";
  const auto first = json_of(
      client.Post("/api/generate-city", {{"Prefer", "respond-async"}}, body, "application/json"));
  const std::string job = first["job_id"];
  std::string status;
  for (int i = 0; i < 200 && status != "running"; ++i) {
    status = json_of(client.Get("/api/jobs/" + job))["status"];
    if (status != "running") std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(status, "running");
  const auto second =
      client.Post("/api/generate-city", {{"Prefer", "respond-async"}}, body, "application/json");
  ASSERT_EQ(second->status, 202) << second->body;
  EXPECT_EQ(json_of(second)["job_id"], job);
  EXPECT_EQ(json_of(second)["joined"], true);
  EXPECT_EQ(json_of(second)["status"], "running");
  // "running" is said when the job is claimed, maybe before its call reaches the fake: a move of
  // the clock before the fake holds the call would be lost, and the call held until the end.
  while (held.waiters() < 1) std::this_thread::yield();
  held.advance(std::chrono::seconds(2));
  // Waiting on the joined job gives the one generation's answer.
  const auto waited =
      client.Post("/api/generate-city", {{"Prefer", "wait=30"}}, body, "application/json");
  ASSERT_EQ(waited->status, 200) << waited->body;
  EXPECT_EQ(json_of(waited)["job_id"], job);
  const auto counts = server.services().store->count_jobs();
  EXPECT_EQ(counts.at(core::model::JobStatus::Succeeded), 1);
  EXPECT_EQ(google.requests("getPlace"), 2) << "one generation: the failed call and its retry";
}

TEST(Jobs, TheWaitWindowEndsWithA202WhenItsTimeHasPassed) {
  server::support::ManualClock clock;
  TestServer server{{{"WORKERS", "0"}},
                    clock};  // nobody runs the job: only the window can end the wait
  auto client = server.client();
  auto answer = std::async(std::launch::async, [&] {
    return client.Post("/api/generate-city",
                       {{"Prefer", "wait=60"}},
                       R"({"place_id": "geonames:2735943"})",
                       "application/json");
  });
  // The window is the server clock's: while it stands still, no answer comes.
  EXPECT_EQ(answer.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
  clock.advance(std::chrono::seconds(59));
  EXPECT_EQ(answer.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout)
      << "59 of 60 s";
  clock.advance(std::chrono::seconds(1));
  ASSERT_EQ(answer.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  const auto result = answer.get();
  ASSERT_EQ(result->status, 202) << result->body;
  EXPECT_EQ(json_of(result)["status"], "queued");
}

TEST(Jobs, EventsStreamProgressUntilTheEnd) {
  TestServer server;
  auto client = server.client();
  const auto accepted = json_of(client.Post("/api/generate-city",
                                            {{"Prefer", "respond-async"}},
                                            R"({"place_id": "geonames:2867714"})",
                                            "application/json"));
  std::string stream;
  const auto result = client.Get("/api/jobs/" + accepted["job_id"].get<std::string>() + "/events",
                                 [&](const char* data, std::size_t length) {
                                   stream.append(data, length);
                                   return true;
                                 });
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/event-stream");
  EXPECT_EQ(stream.rfind("event: progress\ndata: {", 0), 0u) << stream.substr(0, 200);
  const std::size_t end = stream.rfind("event: end\ndata: ");
  ASSERT_NE(end, std::string::npos) << stream;
  const auto last =
      nlohmann::json::parse(stream.substr(end + 17, stream.find('\n', end + 17) - end - 17));
  EXPECT_EQ(last["status"], "succeeded");
}

}  // namespace
