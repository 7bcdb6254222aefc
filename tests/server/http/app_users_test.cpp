// App users with Supabase Auth (issue 15, point 6), through the real HTTP stack: a signed-in
// user's access token is an app credential, verified against the project's JWKS (a fake on
// loopback) or its legacy secret; quotas, rate limits and idempotency keys are per user.
#include <gtest/gtest.h>

#include "server/jobs/cost_bound.h"
#include "tests/fakes/fake_jwks.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/jwt_tokens.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

const std::string kSecret = "legacy-jwt-secret-0123456789abcdefghijklmn";
const std::vector<std::string> kPlaces = {
    "geonames:2735943", "geonames:2993458", "geonames:3042030", "geonames:2867714"};

long now_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A project's keys and endpoint, and what a server needs to accept its users' tokens.
struct Project {
  FakeJwks jwks;
  TestSigningKey ec = TestSigningKey::ec("ec-1");
  Project() { jwks.serve(jwks_of({&ec})); }

  std::map<std::string, std::string> env(std::map<std::string, std::string> more = {}) const {
    more.emplace("API_KEYS", kApiKeys);
    more.emplace("WORKERS", "0");  // jobs stay queued
    more.emplace("SUPABASE_URL", jwks.supabase_url());
    more.emplace("SUPABASE_JWT_SECRET", kSecret);
    return more;
  }
  // A session's access token for `user`; `session` tells one token of the user from another.
  std::string
  token(const std::string& user, const std::string& session = "s1", long expires_in = 3600) const {
    return ec.sign({{"iss", jwks.issuer()},
                    {"aud", "authenticated"},
                    {"sub", user},
                    {"role", "authenticated"},
                    {"exp", now_s() + expires_in},
                    {"iat", now_s()},
                    {"session_id", session},
                    {"is_anonymous", false}});
  }
};

httplib::Result ask(httplib::Client& client,
                    const std::string& credential,
                    const std::string& place,
                    const std::string& idempotency_key = "") {
  httplib::Headers headers = bearer(credential);
  headers.emplace("Prefer", "respond-async");
  if (!idempotency_key.empty()) headers.emplace("Idempotency-Key", idempotency_key);
  return client.Post(
      "/api/generate-city", headers, R"({"place_id": ")" + place + R"("})", "application/json");
}

TEST(AppUsers, ASignedInUsersTokenIsAnAppCredential) {
  Project project;
  TestServer server{project.env()};
  httplib::Client client = server.client();
  const auto answer = ask(client, project.token("user-a"), kPlaces[0]);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 202) << answer->body;
  EXPECT_EQ(client.Get("/api/cities", bearer(project.token("user-a")))->status, 200);
  expect_error(
      client.Post(
          "/api/cities/x/publish", bearer(project.token("user-a")), "{}", "application/json"),
      403,
      "forbidden");
  expect_error(client.Get("/api/jobs/x/events", bearer(project.token("user-a"))), 403, "forbidden");
  EXPECT_EQ(client.Get("/api/cities", bearer(kAppKey))->status, 200)
      << "static keys work beside tokens";
  EXPECT_EQ(project.jwks.requests("jwks"), 1) << "five verifications, one JWKS fetch";
}

TEST(AppUsers, ARefusedTokenIs401WithItsReasonAndNeverTheToken) {
  Project project;
  TestServer server{project.env()};
  httplib::Client client = server.client();
  const struct {
    std::string token;
    const char* reason;
  } cases[] = {
      {project.token("user-a", "s1", -3600), "expired"},
      {project.ec.sign({{"iss", project.jwks.issuer()},
                        {"aud", "authenticated"},
                        {"sub", "u"},
                        {"role", "anon"},
                        {"exp", now_s() + 60}}),
       "anon key"},
      {project.ec.sign({{"iss", "https://elsewhere.supabase.co/auth/v1"},
                        {"aud", "authenticated"},
                        {"sub", "u"},
                        {"role", "authenticated"},
                        {"exp", now_s() + 60}}),
       "wrong issuer"},
      {sign_hs256({{"iss", project.jwks.issuer()},
                   {"aud", "authenticated"},
                   {"sub", "u"},
                   {"role", "authenticated"},
                   {"exp", now_s() + 60}},
                  project.ec.public_pem(),
                  {{"kid", "ec-1"}}),
       "bad signature"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.reason);
    const auto answer = ask(client, c.token, kPlaces[0]);
    expect_error(answer, 401, "invalid_token");
    EXPECT_EQ(answer->get_header_value("WWW-Authenticate"), "Bearer error=\"invalid_token\"");
    EXPECT_NE(answer->body.find(c.reason), std::string::npos) << answer->body;
    EXPECT_EQ(answer->body.find(c.token.substr(c.token.rfind('.') + 1)), std::string::npos)
        << "no part of the token";
    EXPECT_EQ(answer->body.find(c.token.substr(0, c.token.find('.'))), std::string::npos);
  }
  const auto valid = ask(client,
                         sign_hs256({{"iss", project.jwks.issuer()},
                                     {"aud", "authenticated"},
                                     {"sub", "u"},
                                     {"role", "authenticated"},
                                     {"exp", now_s() + 60}},
                                    kSecret),
                         kPlaces[0]);
  EXPECT_EQ(valid->status, 202) << "the legacy secret verifies HS256: " << valid->body;
}

TEST(AppUsers, RateLimitsArePerUserAcrossTheirTokens) {
  Project project;
  TestServer server{
      project.env({{"RATE_LIMIT_GENERATE_BURST", "2"}, {"RATE_LIMIT_GENERATE_PER_HOUR", "4"}})};
  httplib::Client client = server.client();
  EXPECT_EQ(ask(client, project.token("user-a", "phone"), kPlaces[0])->status, 202);
  EXPECT_EQ(ask(client, project.token("user-a", "tablet"), kPlaces[1])->status, 202);
  const auto refused = ask(client, project.token("user-a", "refreshed"), kPlaces[2]);
  expect_error(refused, 429, "rate_limited");
  EXPECT_GT(std::stoi(refused->get_header_value("Retry-After")), 0);
  EXPECT_EQ(ask(client, project.token("user-b"), kPlaces[2])->status, 202)
      << "another user has a bucket of their own";
  EXPECT_EQ(ask(client, kAppKey, kPlaces[3])->status, 202) << "so does the app key";
}

TEST(AppUsers, SpendBudgetsArePerUser) {
  // An LLM key makes generations paid (no worker runs them, so nothing is called).
  std::map<std::string, std::string> env{{"PERPLEXITY_API_KEY", "k"},
                                         {"PERPLEXITY_BASE_URL", "http://127.0.0.1:1"}};
  const double bound = server::jobs::generation_cost_bound(server::config::from_environment(env));
  ASSERT_GT(bound, 0.0);
  env["SPEND_BUDGET_USD_PER_CALLER_PER_DAY"] = std::to_string(1.5 * bound);
  Project project;
  TestServer server{project.env(env)};
  httplib::Client client = server.client();
  EXPECT_EQ(ask(client, project.token("user-a"), kPlaces[0])->status, 202);
  expect_error(
      ask(client, project.token("user-a", "s2"), kPlaces[1]), 429, "spend_budget_exhausted");
  EXPECT_EQ(ask(client, project.token("user-b"), kPlaces[1])->status, 202);
}

TEST(AppUsers, IdempotencyKeysArePerUserAcrossTheirTokens) {
  Project project;
  TestServer server{project.env()};
  httplib::Client client = server.client();
  const auto first = ask(client, project.token("user-a", "s1"), kPlaces[0], "order-1");
  ASSERT_EQ(first->status, 202) << first->body;
  const auto again = ask(client, project.token("user-a", "s2"), kPlaces[0], "order-1");
  ASSERT_EQ(again->status, 202) << again->body;
  EXPECT_EQ(json_of(again)["job_id"], json_of(first)["job_id"])
      << "the same user's key, from a refreshed token";
  expect_error(ask(client, project.token("user-a", "s3"), kPlaces[1], "order-1"),
               422,
               "idempotency_key_reused");
  EXPECT_EQ(ask(client, project.token("user-b"), kPlaces[1], "order-1")->status, 202)
      << "another user's key";
}

TEST(AppUsers, AJwksEndpointThatIsDownIs503WithRetryAfter) {
  Project project;
  project.jwks.set_available(false);
  TestServer server{project.env()};
  httplib::Client client = server.client();
  const auto answer = ask(client, project.token("user-a"), kPlaces[0]);
  expect_error(answer, 503, "auth_unavailable");
  EXPECT_GT(std::stoi(answer->get_header_value("Retry-After")), 0);
  EXPECT_EQ(project.jwks.requests("jwks"), 3) << "retried";
  expect_error(ask(client, project.token("user-a"), kPlaces[0]), 503, "auth_unavailable");
  EXPECT_EQ(project.jwks.requests("jwks"), 3) << "not asked again within 30 s";
  EXPECT_EQ(ask(client, kAppKey, kPlaces[0])->status, 202) << "static keys need no JWKS";
}

TEST(AppUsers, WithoutSupabaseUrlTokensAreNotAccepted) {
  Project project;
  TestServer server{{{"API_KEYS", kApiKeys}, {"WORKERS", "0"}}};
  httplib::Client client = server.client();
  const auto answer = ask(client, project.token("user-a"), kPlaces[0]);
  expect_error(answer, 401, "unauthorized");
  EXPECT_NE(answer->body.find("SUPABASE_URL is unset"), std::string::npos) << answer->body;
  EXPECT_EQ(project.jwks.requests("jwks"), 0);
}

TEST(AppUsers, SupabaseAloneIsNotDevelopmentMode) {
  Project project;
  TestServer server{{{"SUPABASE_URL", project.jwks.supabase_url()}, {"WORKERS", "0"}}};
  httplib::Client client = server.client();
  expect_error(client.Get("/api/cities"), 401, "unauthorized");
  EXPECT_EQ(client.Get("/api/cities", bearer(project.token("user-a")))->status, 200);
}

}  // namespace
