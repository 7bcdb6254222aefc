#include <gtest/gtest.h>

#include <algorithm>

#include "server/clients/llm_answers.h"
#include "server/clients/llm_filter.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_place_provider.h"
#include "shared/errors.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/server/clients/client_fixture.h"

namespace {

using namespace narrando::testing;
using server::clients::LlmAttractionFilter;

constexpr const char* kKey = "pplx-fake-key-for-tests";

class LlmFilter : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& porto = *server::offline::EmbeddedCatalogue::builtin().find("geonames:2735943");
    city = porto.city;
    server::offline::EmbeddedPlaceProvider places(server::offline::EmbeddedCatalogue::builtin());
    candidates = places.attractions(city, options, context);
  }
  server::pipeline::FilterOutcome run(const std::string& style, const std::string& key = kKey) {
    LlmAttractionFilter filter(
        loopback.caller, {key, style, "perplexity/sonar", 40, 6000}, loopback.prices);
    return filter.filter(city, candidates, options, context);
  }
  static long count_by(const server::pipeline::FilterOutcome& outcome,
                       core::model::Decider decider) {
    return std::count_if(outcome.decisions.begin(), outcome.decisions.end(), [&](const auto& a) {
      return a.decided_by == decider;
    });
  }

  FakePerplexity fake{kKey};
  LoopbackCaller loopback{"llm", fake.base_url()};
  server::pipeline::RunContext context;
  core::model::GenerationOptions options;
  core::model::City city;
  std::vector<core::model::Attraction> candidates;
};

TEST_F(LlmFilter, AgentApiDecidesEveryCandidateInBatches) {
  const auto outcome = run("agent");
  EXPECT_EQ(outcome.used, "llm (agent, perplexity/sonar)");
  EXPECT_EQ(fake.requests("responses"), static_cast<int>((candidates.size() + 39) / 40));
  EXPECT_EQ(outcome.decisions.size(), candidates.size());
  EXPECT_GT(count_by(outcome, core::model::Decider::Llm), 0);
  bool described = false;
  for (const auto& a : outcome.decisions) {
    if (a.decided_by == core::model::Decider::Llm && a.included) {
      described |= a.summary.rfind("Fake one-line description of ", 0) == 0;
      EXPECT_GE(a.visit_minutes, 5);
    }
  }
  EXPECT_TRUE(described);
  EXPECT_DOUBLE_EQ(context.calls[0].cost_usd, 0.0062) << "the reported cost replaces the estimate";
}

TEST_F(LlmFilter, ChatStyleWorksWithThinkBlocks) {
  fake.think_prefix = true;
  const auto outcome = run("chat");
  EXPECT_EQ(outcome.used, "llm (chat, perplexity/sonar)");
  EXPECT_GT(fake.requests("chat.completions"), 0);
  EXPECT_GT(count_by(outcome, core::model::Decider::Llm), 0);
}

TEST_F(LlmFilter, IgnoresInventedIdsAndLeavesMissingOnesToTheHeuristics) {
  fake.invent_ids = true;
  fake.skip_every_third = true;
  const auto outcome = run("agent");
  EXPECT_EQ(outcome.decisions.size(), candidates.size());
  EXPECT_GT(count_by(outcome, core::model::Decider::Heuristic), 0);
  EXPECT_NE(outcome.used.find("heuristic for the"), std::string::npos) << outcome.used;
}

TEST_F(LlmFilter, FallsBackToTheHeuristicsOnA401HtmlPage) {
  const auto outcome = run("agent", "pplx-wrong-key");
  EXPECT_EQ(outcome.used.rfind("llm failed, fell back to heuristic: llm responses failed after 1 "
                               "attempt: HTTP 401 (an HTML page)",
                               0),
            0u)
      << outcome.used;
  EXPECT_EQ(count_by(outcome, core::model::Decider::Llm), 0);
  EXPECT_GT(std::count_if(outcome.decisions.begin(),
                          outcome.decisions.end(),
                          [](const auto& a) { return a.included; }),
            20);
}

TEST_F(LlmFilter, FallsBackForAFailedAgentAnswerOrBrokenJson) {
  fake.answer_failed = true;
  const auto failed = run("agent");
  EXPECT_NE(failed.used.find("fell back to heuristic"), std::string::npos);
  EXPECT_NE(failed.used.find("status is failed: upstream model overloaded"), std::string::npos)
      << failed.used;
  fake.answer_failed = false;
  fake.inject("responses", {200, "", "application/json", "", {}, true});  // first batch truncated
  const auto partial = run("agent");
  EXPECT_NE(partial.used.find("fell back to heuristic for 40 of"), std::string::npos)
      << partial.used;
}

TEST_F(LlmFilter, RetriesARateLimitHonouringRetryAfter) {
  candidates.resize(30);  // one batch
  LoopbackCaller patient{"llm",
                         fake.base_url(),
                         std::chrono::seconds(5),
                         {4, std::chrono::milliseconds(10), std::chrono::milliseconds(10000)}};
  fake.inject(
      "responses",
      {429,
       R"({"error": {"message": "Rate limit exceeded", "type": "rate_limit_error", "code": 429}})",
       "application/json",
       "3",
       {},
       false});
  LlmAttractionFilter filter(
      patient.caller, {kKey, "agent", "perplexity/sonar", 40, 6000}, patient.prices);
  const auto outcome = filter.filter(city, candidates, options, context);
  EXPECT_EQ(outcome.used, "llm (agent, perplexity/sonar)") << "the retry got the answer";
  EXPECT_EQ(fake.requests("responses"), 2);
  ASSERT_EQ(patient.sleeps.size(), 1u);
  EXPECT_EQ(patient.sleeps[0], std::chrono::milliseconds(3000))
      << "Retry-After: 3 wins over the 10 ms backoff";
  ASSERT_EQ(context.calls.size(), 2u);
  EXPECT_EQ(context.calls[0].status, 429);
  EXPECT_EQ(context.calls[1].status, 200);
}

TEST_F(LlmFilter, RetriesAnswersSlowerThanTheReadTimeoutThenFallsBack) {
  candidates.resize(30);
  LoopbackCaller impatient{"llm",
                           fake.base_url(),
                           std::chrono::seconds(1),
                           {2, std::chrono::milliseconds(10), std::chrono::milliseconds(200)}};
  for (int i = 0; i < 2; ++i)
    fake.inject("responses",
                {200, "", "application/json", "", std::chrono::milliseconds(1600), false});
  LlmAttractionFilter filter(
      impatient.caller, {kKey, "agent", "perplexity/sonar", 40, 6000}, impatient.prices);
  const auto outcome = filter.filter(city, candidates, options, context);
  EXPECT_EQ(outcome.used.rfind("llm failed, fell back to heuristic: llm responses failed after 2 "
                               "attempts: no response (",
                               0),
            0u)
      << outcome.used;
  EXPECT_EQ(fake.requests("responses"), 2) << "retried once";
  ASSERT_EQ(context.calls.size(), 2u);
  for (const auto& call : context.calls) {
    EXPECT_EQ(call.status, 0);
    EXPECT_FALSE(call.error.empty());
    EXPECT_EQ(call.cost_usd, 0.0);
  }
  EXPECT_EQ(count_by(outcome, core::model::Decider::Llm), 0);
  EXPECT_EQ(outcome.decisions.size(), candidates.size());
}

TEST_F(LlmFilter, FallsBackOnNonJsonAndTruncatedBodies) {
  candidates.resize(30);
  fake.inject("chat.completions",
              {200, "<html><body>502 Bad Gateway</body></html>", "text/html", "", {}, false});
  const auto html = run("chat");
  EXPECT_EQ(
      html.used,
      "llm failed, fell back to heuristic: llm chat.completions answered an HTML page (41 bytes)");
  fake.inject("chat.completions", {200, "", "application/json", "", {}, true});
  const auto truncated = run("chat");
  EXPECT_EQ(truncated.used.rfind("llm failed, fell back to heuristic: llm chat.completions "
                                 "answered a body that is not JSON (",
                                 0),
            0u)
      << truncated.used;
  fake.inject("responses", {200, "", "application/json", "", {}, true});
  const auto truncated_agent = run("agent");
  EXPECT_NE(truncated_agent.used.find("answered a body that is not JSON"), std::string::npos)
      << truncated_agent.used;
  for (int i = 0; i < 2; ++i) {
    fake.inject("responses",
                {503,
                 "<html><title>503 Service Temporarily Unavailable</title></html>",
                 "text/html",
                 "",
                 {},
                 false});
  }
  EXPECT_EQ(run("agent").used, "llm (agent, perplexity/sonar)")
      << "an HTML 503 is retried like any 5xx";
  EXPECT_EQ(fake.requests("chat.completions"), 2) << "a 200 is not asked again, whatever its body";
}

TEST(LlmAnswers, StripReasoningAndFences) {
  EXPECT_EQ(server::clients::strip_reasoning("<think>hmm {}</think>\n{\"a\": 1}"), "{\"a\": 1}");
  EXPECT_EQ(server::clients::strip_reasoning("```json\n{\"a\": 1}\n```"), "{\"a\": 1}");
  EXPECT_THROW(server::clients::parse_decisions("{\"decisions\": 3}"), core::InputError);
  const auto decisions = server::clients::parse_decisions(
      R"({"decisions": [{"id": "a1", "keep": true, "reason": "r", "description": "d", "visit_minutes": 20},
                         {"keep": true}, {"id": "a2", "keep": "yes"}]})");
  ASSERT_EQ(decisions.size(), 1u) << "malformed entries are skipped";
  EXPECT_EQ(decisions[0].visit_minutes, 20);
}

}  // namespace
