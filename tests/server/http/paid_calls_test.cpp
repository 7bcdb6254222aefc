// Paid calls are bounded (issue 15, finding 6): the app key ships inside the app, so whoever reads
// it must not be able to spend without limit. Options that cost money without need are for
// editors; new generations are rate limited per caller (429 + Retry-After), the queue is bounded
// (503 + Retry-After) and a generation that could exceed the daily spend budgets is refused
// before anything is queued (429 + Retry-After), with spend and budget in /metrics.
#include <gtest/gtest.h>

#include <chrono>

#include "server/http/rate_limit.h"
#include "server/jobs/cost_bound.h"
#include "server/jobs/spend_budget.h"
#include "server/support/clock.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

// Embedded places (no Google key needed): every one queues its own job.
const std::vector<std::string> kPlaces = {
    "geonames:2735943", "geonames:2993458", "geonames:3042030", "geonames:2867714"};

httplib::Result ask(httplib::Client& client,
                    const std::string& key,
                    const std::string& place,
                    const std::string& options = "{}") {
  httplib::Headers headers = bearer(key);
  headers.emplace("Prefer", "respond-async");
  return client.Post("/api/generate-city",
                     headers,
                     R"({"place_id": ")" + place + R"(", "options": )" + options + "}",
                     "application/json");
}

int queued_jobs(TestServer& server) {
  const auto counts = server.services().store->count_jobs();
  const auto it = counts.find(core::model::JobStatus::Queued);
  return it == counts.end() ? 0 : it->second;
}

int retry_after(const httplib::Result& result) {
  return result->has_header("Retry-After") ? std::stoi(result->get_header_value("Retry-After")) : 0;
}

TEST(PaidCalls, ForceIsForEditors) {
  TestServer server{{{"API_KEYS", kApiKeys}, {"WORKERS", "0"}}};
  httplib::Client client = server.client();
  expect_error(ask(client, kAppKey, kPlaces[0], R"({"force": true})"), 403, "forbidden");
  EXPECT_EQ(queued_jobs(server), 0);
  EXPECT_EQ(ask(client, kEditorKey, kPlaces[0], R"({"force": true})")->status, 202);
}

TEST(PaidCalls, NewGenerationsAreRateLimitedPerAppCaller) {
  TestServer server{{{"API_KEYS", kApiKeys},
                     {"WORKERS", "0"},
                     {"RATE_LIMIT_GENERATE_BURST", "2"},
                     {"RATE_LIMIT_GENERATE_PER_HOUR", "4"}}};
  httplib::Client client = server.client();
  EXPECT_EQ(ask(client, kAppKey, kPlaces[0])->status, 202);
  EXPECT_EQ(ask(client, kAppKey, kPlaces[1])->status, 202);
  const auto refused = ask(client, kAppKey, kPlaces[2]);
  expect_error(refused, 429, "rate_limited");
  EXPECT_GT(retry_after(refused), 0);
  EXPECT_LE(retry_after(refused), 900) << "4 an hour: one every 15 min";
  EXPECT_EQ(queued_jobs(server), 2);
  // Editors are not rate limited.
  EXPECT_EQ(ask(client, kEditorKey, kPlaces[2])->status, 202);
  EXPECT_EQ(ask(client, kEditorKey, kPlaces[3])->status, 202);
}

TEST(PaidCalls, AFullQueueIs503WithRetryAfter) {
  TestServer server{{{"API_KEYS", kApiKeys}, {"WORKERS", "0"}, {"QUEUE_MAX_JOBS", "2"}}};
  httplib::Client client = server.client();
  EXPECT_EQ(ask(client, kEditorKey, kPlaces[0])->status, 202);
  EXPECT_EQ(ask(client, kEditorKey, kPlaces[1])->status, 202);
  const auto refused = ask(client, kEditorKey, kPlaces[2]);
  expect_error(refused, 503, "queue_full");
  EXPECT_GT(retry_after(refused), 0);
  EXPECT_EQ(queued_jobs(server), 2);
}

TEST(PaidCalls, AGenerationThatCouldExceedTheSpendBudgetIsRefusedBeforeAnythingIsQueued) {
  // An LLM key makes generations paid (the places stay embedded; with no worker nothing is called).
  std::map<std::string, std::string> env{{"API_KEYS", kApiKeys},
                                         {"WORKERS", "0"},
                                         {"PERPLEXITY_API_KEY", "k"},
                                         {"PERPLEXITY_BASE_URL", "http://127.0.0.1:1"}};
  const double bound = server::jobs::generation_cost_bound(server::config::from_environment(env));
  ASSERT_GT(bound, 0.0);
  env["SPEND_BUDGET_USD_PER_DAY"] = std::to_string(2.5 * bound);
  env["SPEND_BUDGET_USD_PER_CALLER_PER_DAY"] = std::to_string(1.5 * bound);
  TestServer server{env};
  httplib::Client client = server.client();
  EXPECT_EQ(ask(client, kAppKey, kPlaces[0])->status, 202);
  const auto caller_refused = ask(client, kAppKey, kPlaces[1]);
  expect_error(caller_refused, 429, "spend_budget_exhausted");
  EXPECT_GT(retry_after(caller_refused), 0);
  EXPECT_LE(retry_after(caller_refused), 86400);
  EXPECT_EQ(ask(client, kEditorKey, kPlaces[1])->status, 202)
      << "editors count against the instance budget only";
  expect_error(ask(client, kEditorKey, kPlaces[2]), 429, "spend_budget_exhausted");
  EXPECT_EQ(queued_jobs(server), 2);
  const std::string metrics = client.Get("/metrics")->body;
  EXPECT_NE(metrics.find("narrando_spend_reserved_usd " + std::to_string(2 * bound).substr(0, 4)),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("narrando_generation_refusals_total{reason=\"spend_budget_exhausted\"} 2"),
            std::string::npos);
}

TEST(PaidCalls, EmbeddedGenerationsCostNothing) {
  EXPECT_EQ(server::jobs::generation_cost_bound(server::config::from_environment({})), 0.0);
  const auto google =
      server::config::from_environment({{"GOOGLE_PLACES_API_KEY", "g"}, {"CALL_BUDGET", "100"}});
  EXPECT_GT(server::jobs::generation_cost_bound(google), 100 * 0.03);
}

TEST(RateLimiter, RefillsAtItsHourlyRate) {
  server::support::ManualClock clock;
  server::http::RateLimiter limiter(60, 2, clock);
  EXPECT_FALSE(limiter.take("a"));
  EXPECT_FALSE(limiter.take("a"));
  const auto wait = limiter.take("a");
  ASSERT_TRUE(wait);
  EXPECT_EQ(wait->count(), 60);
  EXPECT_FALSE(limiter.take("b")) << "callers have their own buckets";
  clock.advance(std::chrono::seconds(59));
  EXPECT_TRUE(limiter.take("a"));
  clock.advance(std::chrono::seconds(2));
  EXPECT_FALSE(limiter.take("a"));
}

TEST(SpendBudget, SettlesFinishedJobsAndStartsAfreshEachUtcDay) {
  server::support::ManualClock clock(std::chrono::system_clock::time_point{} +
                                     std::chrono::hours(24 * 20000 + 23));
  server::jobs::SpendBudget budget(10.0, 6.0, clock);
  auto first = budget.reserve("u", 5.0);
  ASSERT_TRUE(std::holds_alternative<server::jobs::SpendBudget::Ticket>(first));
  budget.assign(std::get<server::jobs::SpendBudget::Ticket>(first), "job-1");
  const auto refused = budget.reserve("u", 5.0);
  ASSERT_TRUE(std::holds_alternative<server::jobs::SpendRefusal>(refused));
  EXPECT_FALSE(std::get<server::jobs::SpendRefusal>(refused).global);
  EXPECT_EQ(std::get<server::jobs::SpendRefusal>(refused).retry_after.count(), 3600);
  // job-1 cost 0.5 in the end: the caller may start another.
  budget.settle([](const std::string& job) -> std::optional<double> {
    return job == "job-1" ? std::optional<double>(0.5) : std::nullopt;
  });
  EXPECT_DOUBLE_EQ(budget.snapshot().spent_usd, 0.5);
  EXPECT_TRUE(std::holds_alternative<server::jobs::SpendBudget::Ticket>(budget.reserve("u", 5.0)));
  EXPECT_TRUE(std::holds_alternative<server::jobs::SpendRefusal>(budget.reserve("v", 5.0)))
      << "instance budget";
  clock.advance(
      std::chrono::hours(1));  // the next UTC day: settled spending is forgotten, reservations kept
  EXPECT_DOUBLE_EQ(budget.snapshot().spent_usd, 5.0);
  EXPECT_TRUE(std::holds_alternative<server::jobs::SpendBudget::Ticket>(budget.reserve("v", 5.0)));
}

}  // namespace
