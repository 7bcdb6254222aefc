// A generation whose independent calls run concurrently gives the same city, and records the same
// calls in the same order, as one that asks one call after the other, however the answers are
// timed: the fakes answer the text searches and legs in reverse order of arrival and the LLM
// batches after random delays.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "server/cli/cli.h"
#include "server/wiring/services.h"
#include "shared/json/model_json.h"
#include "tests/fakes/fake_google.h"
#include "tests/fakes/fake_overpass.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace narrando::testing;

constexpr const char* kGoogleKey = "AIzaFakeKeyForTests0123";
constexpr const char* kLlmKey = "pplx-fake-key-for-tests";

struct Generated {
  nlohmann::json document;
  core::model::RunTrace trace;
  double attractions_seconds = 0.0;
};

// What a call asked and was answered: everything but its timing.
nlohmann::json exchange(const core::model::ExternalCall& call) {
  return {call.service,
          call.operation,
          call.method,
          call.path,
          call.request_body,
          call.status,
          call.response_body,
          call.attempt,
          call.sku,
          call.cost_usd};
}

class ConcurrentGeneration : public ::testing::Test {
 protected:
  Generated generate(int concurrency, const std::string& routes_policy) {
    TempDir dir;
    const std::map<std::string, std::string> env{
        {"GOOGLE_PLACES_API_KEY", kGoogleKey},
        {"GOOGLE_PLACES_BASE_URL", google.base_url()},
        {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
        {"PERPLEXITY_API_KEY", kLlmKey},
        {"PERPLEXITY_BASE_URL", llm.base_url()},
        {"ROUTES_POLICY", routes_policy},
        {"ROUTES_MATRIX_MAX_POINTS", "200"},
        {"LLM_BATCH_SIZE", "15"},
        {"CLIENT_RETRY_BASE_MS", "1"},
        {"OVERPASS_URL", overpass.interpreter_url()},
        {"NARRANDO_DB", dir.file("n.db")},
        {"GENERATION_CONCURRENCY", std::to_string(concurrency)}};
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(server::cli::run({"generate", google.place_id(), "--json"}, env, out, err), 0)
        << err.str();
    Generated generated;
    generated.document = nlohmann::json::parse(out.str());
    const std::string job_id = generated.document["revision"]["job_id"];
    generated.trace =
        *server::wiring::connect_store(server::config::from_environment(env))->load_run(job_id);
    for (const auto& stage : generated.trace.stages) {
      if (stage.stage == core::model::Stage::Attractions)
        generated.attractions_seconds = stage.seconds;
    }
    return generated;
  }

  // From now on the first request of a searched or routed operation is answered last, the last
  // first; every Google call takes at least `base`.
  void answer_in_reverse(std::chrono::milliseconds base, std::chrono::milliseconds step) {
    std::map<std::string, int> earlier;  // arrivals of the previous run
    for (const char* operation : {"searchText", "computeRoutes", "computeRouteMatrix"}) {
      earlier[operation] = google.requests(operation);
    }
    google.set_latency([base, step, earlier](const std::string& operation, int arrival) {
      const auto it = earlier.find(operation);
      if (it == earlier.end()) return base;
      return base + step * std::max(0, 16 - (arrival - it->second));
    });
    llm.set_latency([](const std::string&, int arrival) {
      std::mt19937 random(static_cast<unsigned>(arrival) * 7919U + 17U);
      return std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 120)(random));
    });
  }

  static void expect_same_city(const Generated& serial, const Generated& concurrent) {
    EXPECT_EQ(serial.document["city"]["name"], concurrent.document["city"]["name"]);
    EXPECT_EQ(serial.document["attractions"], concurrent.document["attractions"]);
    EXPECT_EQ(serial.document["tours"], concurrent.document["tours"]);
    ASSERT_EQ(serial.trace.calls.size(), concurrent.trace.calls.size());
    for (std::size_t i = 0; i < serial.trace.calls.size(); ++i) {
      EXPECT_EQ(exchange(serial.trace.calls[i]), exchange(concurrent.trace.calls[i]))
          << "call " << i;
    }
    ASSERT_EQ(serial.trace.stages.size(), concurrent.trace.stages.size());
    for (std::size_t i = 0; i < serial.trace.stages.size(); ++i) {
      const char* stage = to_string(serial.trace.stages[i].stage);
      EXPECT_EQ(serial.trace.stages[i].calls, concurrent.trace.stages[i].calls) << stage;
      EXPECT_EQ(serial.trace.stages[i].note, concurrent.trace.stages[i].note) << stage;
    }
  }

  FakeGoogle google{kGoogleKey};
  FakePerplexity llm{kLlmKey};
  FakeOverpass overpass;
};

TEST_F(ConcurrentGeneration, ShuffledAnswersGiveTheSerialCityAndTrace) {
  const Generated serial = generate(1, "legs");
  answer_in_reverse(std::chrono::milliseconds(80), std::chrono::milliseconds(5));
  const Generated concurrent = generate(8, "legs");
  expect_same_city(serial, concurrent);
  int batches = 0;
  int legs = 0;
  for (const auto& call : concurrent.trace.calls) {
    batches += call.service == "llm" ? 1 : 0;
    legs += call.operation == "computeRoutes" ? 1 : 0;
  }
  EXPECT_GT(batches, 2) << "several LLM batches, so their order could differ";
  EXPECT_GT(legs, 1) << "several tours' legs";
  // The text-search pages and the nearby search take >= 80 ms each: one after the other they
  // would take searches x 80 ms; the concurrent chains are at most three pages deep.
  int searches = 0;
  for (const auto& call : concurrent.trace.calls)
    searches += call.service == "places" && call.operation != "getPlace" ? 1 : 0;
  EXPECT_GE(searches, 7) << "six text searches and a nearby search at least";
  EXPECT_LT(concurrent.attractions_seconds, 0.75 * 0.080 * searches) << "the searches overlapped";
}

TEST_F(ConcurrentGeneration, MatrixBlocksAnsweredInReverseGiveTheSerialPlan) {
  const Generated serial = generate(1, "matrix");
  answer_in_reverse(std::chrono::milliseconds(5), std::chrono::milliseconds(15));
  const Generated concurrent = generate(4, "matrix");
  expect_same_city(serial, concurrent);
  int blocks = 0;
  for (const auto& call : concurrent.trace.calls)
    blocks += call.operation == "computeRouteMatrix" ? 1 : 0;
  EXPECT_GT(blocks, 1) << "the plan needed several matrix blocks";
}

}  // namespace
