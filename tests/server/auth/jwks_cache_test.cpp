// The JWKS cache (issue 15, point 6): keys fetched once and reused, refetched after their TTL and
// once for an unknown kid but never more often than every 30 s, kept while the endpoint is down,
// and a clear 503 when there are none. Time is a ManualClock; the retries never sleep.
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "server/auth/auth_errors.h"
#include "server/auth/jwks.h"
#include "tests/server/auth/supabase_project.h"
#include "tests/support/trickle.h"

namespace {

using namespace narrando::testing;
using server::auth::KeysUnavailable;
using server::auth::TokenRejected;

std::string rejection(const server::auth::SupabaseVerifier& verifier, const std::string& token) {
  try {
    verifier.verify(token);
  } catch (const TokenRejected& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(JwksCache, AnUnknownKidRefetchesOnceThenIsRefused) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 1);
  const TestSigningKey stranger = TestSigningKey::ec("forged-kid-1");
  EXPECT_NE(rejection(*verifier, stranger.sign(project.claims())).find("unknown signing key"),
            std::string::npos);
  EXPECT_EQ(project.jwks.requests("jwks"), 1) << "the keys were fetched just now: no refetch";
  project.clock.advance(std::chrono::seconds(30));  // the keys are still fresh (600 s)
  EXPECT_NE(rejection(*verifier, stranger.sign(project.claims())).find("unknown signing key"),
            std::string::npos);
  EXPECT_EQ(project.jwks.requests("jwks"), 2) << "one refetch for the unknown kid";
  for (int i = 0; i < 20; ++i) {
    const TestSigningKey forged = TestSigningKey::ec("forged-kid-" + std::to_string(i + 2));
    EXPECT_THROW(verifier->verify(forged.sign(project.claims())), TokenRejected);
  }
  EXPECT_EQ(project.jwks.requests("jwks"), 2) << "forged kids within 30 s cause no fetch";
  project.clock.advance(std::chrono::seconds(30));
  EXPECT_THROW(verifier->verify(stranger.sign(project.claims())), TokenRejected);
  EXPECT_EQ(project.jwks.requests("jwks"), 3);
  EXPECT_NO_THROW(verifier->verify(project.rsa.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 3) << "known kids are served from the cache";
}

TEST(JwksCache, ARotatedInKeyIsFoundByTheRefetch) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  const TestSigningKey next = TestSigningKey::ec("ec-key-2");
  project.jwks.serve(jwks_of({&project.ec, &next}));
  project.clock.advance(std::chrono::seconds(31));
  EXPECT_EQ(verifier->verify(next.sign(project.claims("user-2"))).subject, "user-2");
  EXPECT_EQ(project.jwks.requests("jwks"), 2);
}

TEST(JwksCache, KeysAreReusedForTheirTtlThenFetchedAgain) {
  SupabaseProject project;
  auto settings = project.settings();
  settings.jwks_cache_seconds = 600;
  const auto verifier = project.verifier(settings);
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  project.clock.advance(std::chrono::seconds(599));
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 1);
  project.clock.advance(std::chrono::seconds(1));
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 2) << "600 s old: fetched again";
  project.clock.advance(std::chrono::seconds(300));
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 2);
}

TEST(JwksCache, ARevokedKeyIsRefusedOnceTheKeysAreFetchedAgain) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  const std::string token = project.rsa.sign(project.claims());
  EXPECT_NO_THROW(verifier->verify(token));
  project.jwks.serve(jwks_of({&project.ec}));
  EXPECT_NO_THROW(verifier->verify(token)) << "until the TTL the cached key stands";
  project.clock.advance(std::chrono::seconds(600));
  EXPECT_NE(rejection(*verifier, token).find("unknown signing key"), std::string::npos);
}

TEST(JwksCache, AnEndpointThatIsDownGives503RetriedAndNotHammered) {
  SupabaseProject project;
  project.jwks.set_available(false);
  const auto verifier = project.verifier(project.settings());
  const std::string token = project.ec.sign(project.claims());
  try {
    verifier->verify(token);
    ADD_FAILURE() << "accepted without keys";
  } catch (const KeysUnavailable& e) {
    EXPECT_EQ(e.code(), "auth_unavailable");
    EXPECT_NE(std::string(e.what()).find("503"), std::string::npos) << e.what();
    EXPECT_GE(e.retry_after().count(), 1);
    EXPECT_LE(e.retry_after().count(), 30);
  }
  EXPECT_EQ(project.jwks.requests("jwks"), 3) << "one fetch, three attempts";
  EXPECT_EQ(project.sleeps.size(), 2u);
  for (int i = 0; i < 10; ++i) EXPECT_THROW(verifier->verify(token), KeysUnavailable);
  EXPECT_EQ(project.jwks.requests("jwks"), 3) << "no new fetch within 30 s";
  project.clock.advance(std::chrono::seconds(30));
  EXPECT_THROW(verifier->verify(token), KeysUnavailable);
  EXPECT_EQ(project.jwks.requests("jwks"), 6);
  // HS256 needs no keys: the legacy secret still verifies.
  EXPECT_NO_THROW(verifier->verify(sign_hs256(project.claims(), kJwtSecret)));
  project.jwks.set_available(true);
  project.clock.advance(std::chrono::seconds(30));
  EXPECT_NO_THROW(verifier->verify(token));
}

TEST(JwksCache, ARecoveredBlipNeedsNoSecondFetch) {
  SupabaseProject project;
  Fault bad_gateway;
  bad_gateway.status = 502;
  project.jwks.inject("jwks", bad_gateway);
  const auto verifier = project.verifier(project.settings());
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 2) << "the 502 was retried within the fetch";
}

TEST(JwksCache, ExpiredKeysServeWhileTheEndpointIsDown) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  project.jwks.set_available(false);
  project.clock.advance(std::chrono::seconds(601));
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 4) << "one refresh tried (three attempts)";
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(project.claims())));
  EXPECT_EQ(project.jwks.requests("jwks"), 4);
  project.clock.advance(std::chrono::hours(24));
  EXPECT_THROW(verifier->verify(project.ec.sign(project.claims())), KeysUnavailable)
      << "a day old: too stale";
}

TEST(JwksCache, ADocumentThatIsNotAJwksIsAFailedFetch) {
  SupabaseProject project;
  project.jwks.serve("<html>maintenance</html>");
  const auto verifier = project.verifier(project.settings());
  EXPECT_THROW(verifier->verify(project.ec.sign(project.claims())), KeysUnavailable);
  EXPECT_EQ(project.jwks.requests("jwks"), 1) << "a 200 is not retried";
}

TEST(JwksCache, ConcurrentRequestsOnAColdCacheShareOneFetch) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  std::vector<std::string> tokens;
  for (int i = 0; i < 8; ++i)
    tokens.push_back(
        (i % 2 ? project.ec : project.rsa).sign(project.claims("u" + std::to_string(i))));
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 50; ++round) {
        if (verifier->verify(tokens[static_cast<std::size_t>(i)]).subject ==
            "u" + std::to_string(i))
          ++accepted;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(accepted.load(), 400);
  EXPECT_EQ(project.jwks.requests("jwks"), 1);
}

TEST(JwksCache, ARequestWaitsForAFetchUnderWayOnlySoLong) {
  SupabaseProject project;
  server::support::ManualClock endpoint;  // holds the endpoint's answer until the test moves it
  Fault slow;
  slow.status = 200;
  slow.body = jwks_of({&project.ec, &project.rsa});
  slow.delay = std::chrono::seconds(10);
  slow.clock = &endpoint;
  project.jwks.inject("jwks", slow);
  server::auth::JwksCacheSettings settings;
  settings.max_wait_for_fetch = std::chrono::milliseconds(100);
  server::auth::JwksCache keys(project.fetcher(), settings, project.clock);
  std::shared_ptr<const server::auth::PublicKey> first;
  std::thread fetching([&] { first = keys.find("ec-key-1"); });
  while (endpoint.waiters() == 0) std::this_thread::yield();  // the fetch is under way
  try {
    keys.find("rsa-key-1");
    ADD_FAILURE() << "waited for the fetch";
  } catch (const KeysUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("being fetched"), std::string::npos) << e.what();
    EXPECT_EQ(e.retry_after().count(), 1);
  }
  endpoint.advance(std::chrono::seconds(10));
  fetching.join();
  EXPECT_NE(first, nullptr);
  EXPECT_NE(keys.find("rsa-key-1"), nullptr);
  EXPECT_EQ(project.jwks.requests("jwks"), 1);
}

TEST(JwksCache, ACachedKeyVerifiesWithoutIoInWellUnderAMillisecond) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  const struct {
    const char* name;
    std::string token;
  } kinds[] = {{"ES256", project.ec.sign(project.claims())},
               {"RS256", project.rsa.sign(project.claims())},
               {"HS256", sign_hs256(project.claims(), kJwtSecret)}};
  for (const auto& kind : kinds) verifier->verify(kind.token);  // the one fetch
  constexpr int kRounds = 2000;
  for (const auto& kind : kinds) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) verifier->verify(kind.token);
    const double us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count() /
        kRounds;
    std::cout << kind.name << ": " << us << " us per verification (cache hit)\n";
    EXPECT_LT(us, 1000.0 * timing_scale()) << kind.name;
  }
  EXPECT_EQ(project.jwks.requests("jwks"), 1) << "no I/O on a cache hit";
}

TEST(ParseJwks, KeepsSigningKeysAndSaysWhyItSkipsTheOthers) {
  const TestSigningKey ec = TestSigningKey::ec("good-ec");
  const TestSigningKey rsa = TestSigningKey::rsa("good-rsa");
  nlohmann::json document = nlohmann::json::parse(jwks_of({&ec, &rsa}));
  auto wrong_alg = ec.jwk();
  wrong_alg["kid"] = "ec-claims-rs256";
  wrong_alg["alg"] = "RS256";
  auto encryption = rsa.jwk();
  encryption["kid"] = "rsa-for-encryption";
  encryption["use"] = "enc";
  auto off_curve = ec.jwk();
  off_curve["kid"] = "off-curve";
  off_curve["y"] = off_curve["x"];
  auto no_kid = ec.jwk();
  no_kid.erase("kid");
  document["keys"].push_back(wrong_alg);
  document["keys"].push_back(encryption);
  document["keys"].push_back(off_curve);
  document["keys"].push_back(no_kid);
  document["keys"].push_back({{"kty", "oct"}, {"kid", "symmetric"}, {"k", "c2VjcmV0"}});
  document["keys"].push_back(
      {{"kty", "EC"}, {"kid", "p384"}, {"crv", "P-384"}, {"x", "AA"}, {"y", "AA"}});
  document["keys"].push_back({{"kty", "RSA"}, {"kid", "short"}, {"n", "AQAB"}, {"e", "AQAB"}});
  const auto parsed = server::auth::parse_jwks(document.dump());
  EXPECT_EQ(parsed.keys.size(), 2u);
  EXPECT_TRUE(parsed.keys.contains("good-ec"));
  EXPECT_TRUE(parsed.keys.contains("good-rsa"));
  EXPECT_EQ(parsed.skipped.size(), 7u);
  EXPECT_EQ(parsed.keys.at("good-ec")->algorithm(), server::auth::JwsAlgorithm::Es256);
  EXPECT_EQ(parsed.keys.at("good-rsa")->algorithm(), server::auth::JwsAlgorithm::Rs256);
  EXPECT_THROW(server::auth::parse_jwks(R"({"nokeys": []})"), core::InputError);
  EXPECT_TRUE(server::auth::parse_jwks(R"({"keys": []})").keys.empty())
      << "a legacy-secret-only project";
}

}  // namespace
