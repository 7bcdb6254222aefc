// A worker that dies (kill -9) in the middle of a job loses its lease; another instance takes
// the job over once the lease expires and finishes it.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "server/storage/postgres_database.h"
#include "server/storage/sql_store.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/postgres/postgres_test_support.h"
#include "tests/support/server_process.h"

namespace {

using namespace narrando::testing;

TEST(LeaseTakeover, AnotherInstanceFinishesTheJobOfAKilledWorker) {
  NARRANDO_REQUIRE_POSTGRES_OR_SKIP();
  PostgresSchema schema;
  FakePerplexity slow_llm("pplx-fake-key-for-tests");
  slow_llm.delay_ms = 8000;  // the worker will be stuck in the filter stage when it is killed
  server::storage::SqlStore store(
      std::make_unique<server::storage::PostgresDatabase>(schema.url(), 1));

  auto doomed = std::make_unique<ServerProcess>(
      NARRANDO_SERVER_BINARY,
      std::map<std::string, std::string>{{"DATABASE_URL", schema.url()},
                                         {"WORKERS", "1"},
                                         {"JOB_LEASE_SECONDS", "5"},
                                         {"PERPLEXITY_API_KEY", "pplx-fake-key-for-tests"},
                                         {"PERPLEXITY_BASE_URL", slow_llm.base_url()},
                                         {"CLIENT_MAX_ATTEMPTS", "1"}});
  httplib::Client client("127.0.0.1", doomed->port());
  const auto accepted = client.Post("/api/generate-city",
                                    {{"Prefer", "respond-async"}},
                                    R"({"place_id": "geonames:2993458"})",
                                    "application/json");
  ASSERT_EQ(accepted->status, 202) << accepted->body;
  const std::string job_id = nlohmann::json::parse(accepted->body)["job_id"];

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (store.find_job(job_id)->stage != core::model::Stage::Filter) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline)
        << "the job never reached the filter stage";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  doomed->signal(SIGKILL);
  EXPECT_EQ(doomed->wait(10), -100 - SIGKILL);
  EXPECT_EQ(store.find_job(job_id)->status, core::model::JobStatus::Running)
      << "its lease still holds the job";

  ServerProcess survivor(
      NARRANDO_SERVER_BINARY,
      {{"DATABASE_URL", schema.url()}, {"WORKERS", "1"}, {"JOB_LEASE_SECONDS", "5"}});
  while (store.find_job(job_id)->status != core::model::JobStatus::Succeeded) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "nobody took the job over";
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto job = store.find_job(job_id);
  EXPECT_EQ(job->attempts, 2) << "the killed attempt counts";
  const auto trace = store.load_run(job_id);
  ASSERT_TRUE(trace);
  EXPECT_EQ(trace->filter_used, "heuristic") << "the survivor has no LLM key";
  std::vector<server::storage::SqlRow> runs;
  server::storage::PostgresDatabase(schema.url(), 1).read([&](server::storage::SqlSession& s) {
    runs = s.query("SELECT worker FROM runs WHERE job_id = ?", {job_id});
  });
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_NE(server::storage::as_text(runs[0][0]).find("-" + std::to_string(survivor.pid()) + "-"),
            std::string::npos)
      << server::storage::as_text(runs[0][0]);
  survivor.signal(SIGTERM);
  EXPECT_EQ(survivor.wait(30), 0);
}

}  // namespace
