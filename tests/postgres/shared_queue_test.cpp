// Two real server processes on one PostgreSQL database share the durable queue: 50 jobs, each
// run exactly once, by both instances.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/offline/embedded_catalogue.h"
#include "server/storage/postgres_database.h"
#include "server/storage/sql_store.h"
#include "tests/postgres/postgres_test_support.h"
#include "tests/support/server_process.h"

namespace {

using namespace narrando::testing;
using server::storage::as_int;
using server::storage::as_text;

constexpr int kJobs = 50;

TEST(SharedQueue, TwoInstancesRunFiftyJobsEachExactlyOnce) {
  NARRANDO_REQUIRE_POSTGRES_OR_SKIP();
  PostgresSchema schema;
  const std::map<std::string, std::string> env{
      {"DATABASE_URL", schema.url()}, {"WORKERS", "2"}, {"JOB_LEASE_SECONDS", "20"}};
  ServerProcess first(NARRANDO_SERVER_BINARY, env);
  ServerProcess second(NARRANDO_SERVER_BINARY, env);
  std::vector<httplib::Client> clients;
  clients.emplace_back("127.0.0.1", first.port());
  clients.emplace_back("127.0.0.1", second.port());

  std::vector<std::string> places;
  for (const auto& city : server::offline::EmbeddedCatalogue::builtin().cities())
    places.push_back(city.city.place_id);
  // A place's second job can only be queued once its first has ended (same place joins), so
  // submit round-robin and retry the places whose job is still active.
  std::set<std::string> job_ids;
  std::map<std::string, int> jobs_per_place;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  for (std::size_t attempt = 0; static_cast<int>(job_ids.size()) < kJobs; ++attempt) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "could not queue " << kJobs << " jobs";
    const std::string& place = places[attempt % places.size()];
    auto& client = clients[attempt % clients.size()];
    const auto result =
        client.Post("/api/generate-city",
                    {{"Prefer", "respond-async"}},
                    R"({"place_id": ")" + place + R"(", "options": {"force": true}})",
                    "application/json");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 202) << result->body;
    const auto body = nlohmann::json::parse(result->body);
    if (body["joined"].get<bool>()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    job_ids.insert(body["job_id"].get<std::string>());
    ++jobs_per_place[place];
  }

  server::storage::PostgresDatabase database(schema.url(), 1);
  server::storage::SqlStore store(
      std::make_unique<server::storage::PostgresDatabase>(schema.url(), 1));
  while (store.active_jobs().size() > 0) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "jobs did not finish";
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  for (const std::string& id : job_ids) {
    const auto job = store.find_job(id);
    ASSERT_TRUE(job);
    EXPECT_EQ(job->status, core::model::JobStatus::Succeeded) << id;
    EXPECT_EQ(job->attempts, 1) << "run exactly once: " << id;
  }
  std::vector<server::storage::SqlRow> runs;
  std::vector<server::storage::SqlRow> revisions;
  database.read([&](server::storage::SqlSession& s) {
    runs = s.query("SELECT job_id, worker FROM runs");
    revisions =
        s.query("SELECT c.place_id, COUNT(*) FROM revisions r JOIN cities c ON c.id = r.city_id "
                "GROUP BY c.place_id");
  });
  EXPECT_EQ(runs.size(), static_cast<std::size_t>(kJobs)) << "one run per job";
  std::set<std::string> runners;
  for (const auto& run : runs) {
    const std::string worker = as_text(run[1]);
    runners.insert(
        worker.substr(0, worker.rfind('-')));  // "worker-<host>-<pid>" without the thread
  }
  EXPECT_EQ(runners.size(), 2u) << "both instances took jobs";
  for (const auto& row : revisions) {
    EXPECT_EQ(as_int(row[1]), jobs_per_place[as_text(row[0])])
        << "one revision per job of " << as_text(row[0]);
  }
  first.signal(SIGTERM);
  second.signal(SIGTERM);
  EXPECT_EQ(first.wait(30), 0);
  EXPECT_EQ(second.wait(30), 0);
}

}  // namespace
