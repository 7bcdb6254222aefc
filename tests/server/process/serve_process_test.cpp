// The real binary: development-mode announcement, JSON access logs without secrets, and a clean
// exit 0 on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "tests/support/server_process.h"
#include "tests/support/temp_dir.h"

namespace {

using narrando::testing::ServerProcess;
using narrando::testing::TempDir;

std::vector<nlohmann::json> records(const ServerProcess& process) {
  std::vector<nlohmann::json> parsed;
  for (const std::string& line : process.lines()) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    EXPECT_FALSE(record.is_discarded()) << "not a JSON log line: " << line;
    if (!record.is_discarded()) parsed.push_back(record);
  }
  return parsed;
}

TEST(ServeProcess, AnnouncesDevelopmentModeAndExitsZeroOnSigterm) {
  TempDir dir;
  ServerProcess process(NARRANDO_SERVER_BINARY, {{"NARRANDO_DB", dir.file("n.db")}});
  httplib::Client client("127.0.0.1", process.port());
  ASSERT_EQ(client.Get("/healthz")->status, 200);
  process.signal(SIGTERM);
  EXPECT_EQ(process.wait(30), 0);
  bool announced = false;
  bool stopped = false;
  for (const auto& record : records(process)) {
    announced |= record["msg"].get<std::string>().rfind("DEVELOPMENT MODE", 0) == 0;
    stopped |= record["msg"] == "stopped cleanly";
  }
  EXPECT_TRUE(announced);
  EXPECT_TRUE(stopped);
}

TEST(ServeProcess, LogsOneJsonLinePerRequestWithoutSecrets) {
  TempDir dir;
  const std::string key = "editor-secret-key-0123456789";
  ServerProcess process(
      NARRANDO_SERVER_BINARY,
      {{"NARRANDO_DB", dir.file("n.db")}, {"API_KEYS", key + ":editor"}, {"HOST", "127.0.0.1"}});
  httplib::Client client("127.0.0.1", process.port());
  const auto result = client.Post("/api/generate-city",
                                  {{"Authorization", "Bearer " + key}, {"X-Request-Id", "req-42"}},
                                  R"({"place_id": "geonames:2993458"})",
                                  "application/json");
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("X-Request-Id"), "req-42");
  client.Get("/api/cities", {{"Authorization", "Bearer wrong-key-0123456789"}});
  process.signal(SIGTERM);
  ASSERT_EQ(process.wait(30), 0);
  bool found = false;
  for (const auto& record : records(process)) {
    EXPECT_EQ(record.dump().find(key), std::string::npos) << "a secret reached the log";
    EXPECT_EQ(record.dump().find("wrong-key"), std::string::npos);
    if (record["msg"] == "request" && record.value("request_id", "") == "req-42") {
      found = true;
      EXPECT_EQ(record["route"], "/api/generate-city");
      EXPECT_EQ(record["status"], 200);
      EXPECT_TRUE(record["latency_ms"].is_number());
      EXPECT_FALSE(record.value("job_id", "").empty());
      EXPECT_TRUE(record.contains("ts"));
      EXPECT_EQ(record["level"], "info");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace

namespace {

TEST(ServeProcess, AnApiInstanceAndAWorkerInstanceShareTheQueue) {
  TempDir dir;
  const std::string db = dir.file("shared.db");
  ServerProcess worker(NARRANDO_SERVER_BINARY, {{"NARRANDO_DB", db}, {"SERVE_ROLE", "worker"}});
  ServerProcess api(NARRANDO_SERVER_BINARY, {{"NARRANDO_DB", db}, {"SERVE_ROLE", "api"}});
  httplib::Client worker_client("127.0.0.1", worker.port());
  EXPECT_EQ(worker_client.Get("/healthz")->status, 200);
  EXPECT_EQ(worker_client.Get("/metrics")->status, 200);
  EXPECT_EQ(worker_client.Get("/api/cities")->status, 404) << "a worker serves no API";
  httplib::Client api_client("127.0.0.1", api.port());
  api_client.set_read_timeout(std::chrono::seconds(60));
  const auto result = api_client.Post(
      "/api/generate-city", R"({"place_id": "geonames:2993458"})", "application/json");
  ASSERT_EQ(result->status, 200)
      << result->body;  // run by the worker process, seen through the store
  bool worker_ran_it = false;
  for (const auto& record : records(worker)) worker_ran_it |= record["msg"] == "job ended";
  EXPECT_TRUE(worker_ran_it);
  for (const auto& record : records(api))
    EXPECT_NE(record["msg"], "job started") << "the API instance runs no jobs";
  worker.signal(SIGTERM);
  api.signal(SIGTERM);
  EXPECT_EQ(worker.wait(30), 0);
  EXPECT_EQ(api.wait(30), 0);
}

}  // namespace

#include "tests/fakes/fake_perplexity.h"

namespace {

TEST(ServeProcess, SigtermAfterTheGraceRequeuesABlockedJobAndStillExitsZero) {
  TempDir dir;
  narrando::testing::FakePerplexity slow_llm("pplx-fake-key-for-tests");
  slow_llm.delay_ms = 6000;  // the worker will be blocked in the filter stage
  ServerProcess process(NARRANDO_SERVER_BINARY,
                        {{"NARRANDO_DB", dir.file("n.db")},
                         {"SHUTDOWN_GRACE_SECONDS", "1"},
                         {"PERPLEXITY_API_KEY", "pplx-fake-key-for-tests"},
                         {"PERPLEXITY_BASE_URL", slow_llm.base_url()},
                         {"CLIENT_MAX_ATTEMPTS", "1"}});
  httplib::Client client("127.0.0.1", process.port());
  const auto accepted = client.Post("/api/generate-city",
                                    {{"Prefer", "respond-async"}},
                                    R"({"place_id": "geonames:2993458"})",
                                    "application/json");
  ASSERT_EQ(accepted->status, 202);
  const std::string job_id = nlohmann::json::parse(accepted->body)["job_id"];
  for (int i = 0; i < 200; ++i) {
    const auto job = nlohmann::json::parse(client.Get("/api/jobs/" + job_id)->body);
    if (job["stage"] == "filter") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  const auto signalled = std::chrono::steady_clock::now();
  process.signal(SIGTERM);
  EXPECT_EQ(process.wait(20), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - signalled, std::chrono::seconds(5))
      << "grace 1 s + a short wait";
  bool requeued = false;
  for (const auto& record : records(process))
    requeued |= record["msg"] == "shutdown grace over: re-queueing running jobs";
  EXPECT_TRUE(requeued);
  // The job waits in the queue for the next instance, its interrupted attempt not counted.
  ServerProcess next(NARRANDO_SERVER_BINARY, {{"NARRANDO_DB", dir.file("n.db")}, {"WORKERS", "0"}});
  const auto job = nlohmann::json::parse(
      httplib::Client("127.0.0.1", next.port()).Get("/api/jobs/" + job_id)->body);
  EXPECT_EQ(job["status"], "queued");
  EXPECT_EQ(job["attempts"], 0);
  next.signal(SIGTERM);
  EXPECT_EQ(next.wait(20), 0);
}

}  // namespace
