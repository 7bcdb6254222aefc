// Supabase access tokens (issue 15, point 6): every way a token can be right or wrong, verified
// against a project faked on loopback (its JWKS endpoint serving an EC and an RSA key made here,
// its legacy HS256 secret) on a manual clock.
#include <gtest/gtest.h>

#include <functional>

#include "server/auth/auth_errors.h"
#include "server/auth/base64url.h"
#include "server/auth/token_verifier.h"
#include "tests/server/auth/supabase_project.h"

namespace {

using namespace narrando::testing;
using nlohmann::json;

constexpr long kHour = 3600;

long now_s(const SupabaseProject& project) {
  return std::chrono::duration_cast<std::chrono::seconds>(project.clock.now().time_since_epoch())
      .count();
}

json with(json claims, const std::string& name, const json& value) {
  claims[name] = value;
  return claims;
}

json without(json claims, const std::string& name) {
  claims.erase(name);
  return claims;
}

struct TokenCase {
  const char* name;
  std::function<std::string(SupabaseProject&)> token;
  const char* refusal;  ///< a phrase of the 401's reason; nullptr: the token is accepted
};

const std::vector<TokenCase>& token_cases() {
  static const std::vector<TokenCase> kCases{
      {"valid ES256", [](SupabaseProject& p) { return p.ec.sign(p.claims()); }, nullptr},
      {"valid RS256", [](SupabaseProject& p) { return p.rsa.sign(p.claims()); }, nullptr},
      {"valid HS256 (legacy secret)",
       [](SupabaseProject& p) { return sign_hs256(p.claims(), kJwtSecret); },
       nullptr},
      {"aud as an array",
       [](SupabaseProject& p) {
         return p.ec.sign(with(p.claims(), "aud", {"other", "authenticated"}));
       },
       nullptr},
      {"expired within the leeway",
       [](SupabaseProject& p) { return p.ec.sign(with(p.claims(), "exp", now_s(p) - 20)); },
       nullptr},
      {"expired",
       [](SupabaseProject& p) { return p.ec.sign(with(p.claims(), "exp", now_s(p) - 31)); },
       "expired"},
      {"expired an hour ago (HS256)",
       [](SupabaseProject& p) {
         return sign_hs256(with(p.claims(), "exp", now_s(p) - kHour), kJwtSecret);
       },
       "expired"},
      {"no exp",
       [](SupabaseProject& p) { return p.ec.sign(without(p.claims(), "exp")); },
       "no expiry"},
      {"exp not a number",
       [](SupabaseProject& p) { return p.ec.sign(with(p.claims(), "exp", "tomorrow")); },
       "not a number"},
      {"not yet valid",
       [](SupabaseProject& p) { return p.ec.sign(with(p.claims(), "nbf", now_s(p) + 300)); },
       "not valid before"},
      {"issued in the future",
       [](SupabaseProject& p) { return p.rsa.sign(with(p.claims(), "iat", now_s(p) + 300)); },
       "issued in the future"},
      {"wrong audience",
       [](SupabaseProject& p) { return p.ec.sign(with(p.claims(), "aud", "anon")); },
       "wrong audience"},
      {"no audience",
       [](SupabaseProject& p) { return p.ec.sign(without(p.claims(), "aud")); },
       "wrong audience"},
      {"wrong issuer",
       [](SupabaseProject& p) {
         return p.ec.sign(with(p.claims(), "iss", "https://other.supabase.co/auth/v1"));
       },
       "wrong issuer"},
      {"anon role (the anon key)",
       [](SupabaseProject& p) { return sign_hs256(with(p.claims(), "role", "anon"), kJwtSecret); },
       "role \"anon\""},
      {"service_role",
       [](SupabaseProject& p) { return p.ec.sign(with(p.claims(), "role", "service_role")); },
       "not role \"service_role\""},
      {"no role",
       [](SupabaseProject& p) { return p.ec.sign(without(p.claims(), "role")); },
       "no role"},
      {"anonymous sign-in",
       [](SupabaseProject& p) { return p.ec.sign(with(p.claims(), "is_anonymous", true)); },
       "anonymous sign-ins"},
      {"no sub",
       [](SupabaseProject& p) { return p.ec.sign(without(p.claims(), "sub")); },
       "no \"sub\""},
      {"empty sub",
       [](SupabaseProject& p) { return p.rsa.sign(with(p.claims(), "sub", "")); },
       "no \"sub\""},
      {"tampered payload",
       [](SupabaseProject& p) {
         const std::string honest = p.ec.sign(p.claims("user-a"));
         const std::string forged = server::auth::base64url_encode(p.claims("user-b").dump());
         const auto first = honest.find('.');
         return honest.substr(0, first + 1) + forged + honest.substr(honest.rfind('.'));
       },
       "bad signature"},
      {"tampered payload (RS256)",
       [](SupabaseProject& p) {
         const std::string honest = p.rsa.sign(p.claims());
         const std::string forged =
             server::auth::base64url_encode(with(p.claims(), "exp", now_s(p) + 99 * kHour).dump());
         return honest.substr(0, honest.find('.') + 1) + forged + honest.substr(honest.rfind('.'));
       },
       "bad signature"},
      {"alg none",
       [](SupabaseProject& p) {
         return assemble_token({{"alg", "none"}, {"typ", "JWT"}}, p.claims(), "");
       },
       "alg \"none\""},
      {"alg None with a kid",
       [](SupabaseProject& p) {
         return assemble_token({{"alg", "None"}, {"kid", p.ec.kid()}}, p.claims(), "x");
       },
       "not accepted"},
      {"HS256 signed with the EC public key's bytes",
       [](SupabaseProject& p) {
         return sign_hs256(p.claims(), p.ec.public_pem(), {{"kid", p.ec.kid()}});
       },
       "bad signature"},
      {"HS256 signed with the RSA public key's bytes",
       [](SupabaseProject& p) {
         return sign_hs256(p.claims(), p.rsa.public_pem(), {{"kid", p.rsa.kid()}});
       },
       "bad signature"},
      {"HS256 signed with another secret",
       [](SupabaseProject& p) {
         return sign_hs256(p.claims(), "another-secret-0123456789abcdefghijkl");
       },
       "bad signature"},
      {"ES256 header on the RSA key's kid",
       [](SupabaseProject& p) {
         return p.rsa.sign(p.claims(), {{"alg", "ES256"}});
       },
       "does not match"},
      {"RS256 header on the EC key's kid",
       [](SupabaseProject& p) {
         return p.ec.sign(p.claims(), {{"alg", "RS256"}});
       },
       "does not match"},
      {"signed by a key the project does not publish",
       [](SupabaseProject& p) { return TestSigningKey::ec(p.ec.kid()).sign(p.claims()); },
       "bad signature"},
      {"no kid",
       [](SupabaseProject& p) {
         return p.ec.sign(p.claims(), {{"kid", nullptr}});
       },
       "no \"kid\""},
      {"ES256 signature of the wrong length",
       [](SupabaseProject& p) {
         return assemble_token(
             {{"alg", "ES256"}, {"kid", p.ec.kid()}}, p.claims(), std::string(63, 'x'));
       },
       "bad signature"},
      {"unsupported algorithm",
       [](SupabaseProject& p) {
         return p.ec.sign(p.claims(), {{"alg", "PS256"}});
       },
       "\"PS256\" is not accepted"},
      {"critical header",
       [](SupabaseProject& p) {
         return p.ec.sign(p.claims(), {{"crit", {"exp"}}});
       },
       "critical"},
      {"two parts",
       [](SupabaseProject& p) {
         const std::string token = p.ec.sign(p.claims());
         return token.substr(0, token.rfind('.'));
       },
       "three parts"},
      {"signature not base64url",
       [](SupabaseProject& p) { return p.ec.sign(p.claims()) + "!"; },
       "not base64url"},
      {"header not JSON",
       [](SupabaseProject& p) {
         const std::string token = p.ec.sign(p.claims());
         return server::auth::base64url_encode("not json") + token.substr(token.find('.'));
       },
       "header is not a JSON object"},
  };
  return kCases;
}

TEST(TokenVerifier, AcceptsValidTokensAndSaysWhyItRefusesTheOthers) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  for (const TokenCase& c : token_cases()) {
    SCOPED_TRACE(c.name);
    const std::string token = c.token(project);
    if (!c.refusal) {
      EXPECT_EQ(verifier->verify(token).subject, "5b0f3c1e-0000-4000-8000-000000000001");
      continue;
    }
    try {
      verifier->verify(token);
      ADD_FAILURE() << "accepted";
    } catch (const server::auth::TokenRejected& e) {
      EXPECT_EQ(e.code(), "invalid_token");
      EXPECT_NE(std::string(e.what()).find(c.refusal), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find(token.substr(0, 20)), std::string::npos)
          << "never quotes the token";
    }
  }
  EXPECT_EQ(project.jwks.requests("jwks"), 1) << "one fetch served every case";
}

TEST(TokenVerifier, WithoutTheLegacySecretHs256IsRefused) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings(false));
  EXPECT_THROW(verifier->verify(sign_hs256(project.claims(), kJwtSecret)),
               server::auth::TokenRejected);
  // Not even "signed" with a public key the server holds: the classic confusion attack.
  try {
    verifier->verify(
        sign_hs256(project.claims(), project.ec.public_pem(), {{"kid", project.ec.kid()}}));
    ADD_FAILURE() << "accepted";
  } catch (const server::auth::TokenRejected& e) {
    EXPECT_NE(std::string(e.what()).find("HS256 tokens are not accepted"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(verifier->verify(project.ec.sign(project.claims())).subject,
            "5b0f3c1e-0000-4000-8000-000000000001");
}

TEST(TokenVerifier, TheAudienceIsConfigurable) {
  SupabaseProject project;
  auto settings = project.settings();
  settings.audience = "narrando-app";
  const auto verifier = project.verifier(settings);
  EXPECT_THROW(verifier->verify(project.ec.sign(project.claims())), server::auth::TokenRejected);
  EXPECT_NO_THROW(verifier->verify(project.ec.sign(with(project.claims(), "aud", "narrando-app"))));
}

TEST(TokenVerifier, ATokenExpiresOnTheClock) {
  SupabaseProject project;
  const auto verifier = project.verifier(project.settings());
  const std::string token = project.ec.sign(project.claims());  // valid for an hour
  EXPECT_NO_THROW(verifier->verify(token));
  project.clock.advance(std::chrono::seconds(kHour + 30));
  EXPECT_NO_THROW(verifier->verify(token)) << "30 s of leeway";
  project.clock.advance(std::chrono::seconds(1));
  EXPECT_THROW(verifier->verify(token), server::auth::TokenRejected);
}

TEST(LooksLikeJwt, TellsTokensFromApiKeys) {
  SupabaseProject project;
  EXPECT_TRUE(server::auth::looks_like_jwt(project.ec.sign(project.claims())));
  EXPECT_TRUE(
      server::auth::looks_like_jwt(assemble_token({{"alg", "none"}}, project.claims(), "")));
  EXPECT_FALSE(server::auth::looks_like_jwt("app-key-0123456789abcdef"));
  EXPECT_FALSE(server::auth::looks_like_jwt("eyJ.only-two"));
  EXPECT_FALSE(server::auth::looks_like_jwt("key.with.dots"));
}

TEST(Base64Url, RoundTripsAndRefusesOtherAlphabets) {
  for (const std::string bytes :
       {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\x00\x01"}) {
    EXPECT_EQ(server::auth::base64url_decode(server::auth::base64url_encode(bytes)), bytes);
  }
  EXPECT_EQ(server::auth::base64url_encode("\xfb\xff"), "-_8");
  EXPECT_FALSE(server::auth::base64url_decode("+/8"));   // standard base64, not base64url
  EXPECT_FALSE(server::auth::base64url_decode("Zm8="));  // padding
  EXPECT_FALSE(server::auth::base64url_decode("Zm9"));   // stray bits: "Zm8" is the encoding
  EXPECT_FALSE(server::auth::base64url_decode("Z"));
}

}  // namespace
