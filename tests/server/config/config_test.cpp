#include <gtest/gtest.h>

#include "server/config/config.h"
#include "shared/errors.h"

namespace {

using server::config::from_environment;

// Why from_environment refuses `env`, or "accepted".
std::string message(const std::map<std::string, std::string>& env) {
  try {
    from_environment(env);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(Config, DefaultsAreTheOfflineDevelopmentSetup) {
  const auto config = from_environment({});
  EXPECT_EQ(config.port, 8080);
  EXPECT_EQ(config.store_backend(), "sqlite");
  EXPECT_EQ(config.db_path, "./narrando.db");
  EXPECT_TRUE(config.development_mode());
  EXPECT_EQ(config.listen_host(), "127.0.0.1");
  EXPECT_EQ(config.wait_seconds, 60);
  EXPECT_EQ(config.shutdown_grace_seconds, 25);
}

TEST(Config, ReadsKeysRolesAndDatabase) {
  const auto config =
      from_environment({{"API_KEYS", "app-key-0123456789:app, editor-key-0123456789:editor"},
                        {"DATABASE_URL", "postgres://u:secret@db:5432/narrando?sslmode=require"},
                        {"PORT", "9000"},
                        {"HOST", "0.0.0.0"}});
  EXPECT_FALSE(config.development_mode());
  EXPECT_EQ(config.api_keys.at("app-key-0123456789"), server::config::Role::App);
  EXPECT_EQ(config.api_keys.at("editor-key-0123456789"), server::config::Role::Editor);
  EXPECT_EQ(config.store_backend(), "postgres");
  EXPECT_EQ(config.listen_host(), "0.0.0.0");
  EXPECT_EQ(config.port, 9000);
}

TEST(Config, NamesTheBadVariableWithoutEchoingSecrets) {
  EXPECT_EQ(message({{"PORT", "99999"}}), "PORT must be an integer from 0 to 65535, got \"99999\"");
  EXPECT_EQ(message({{"LOG_FORMAT", "xml"}}), "LOG_FORMAT must be one of text, json, got \"xml\"");
  EXPECT_EQ(message({{"ROUTES_POLICY", "Matrix"}}),
            "ROUTES_POLICY must be one of off, legs, matrix, got \"Matrix\"");
  EXPECT_EQ(from_environment({{"ROUTES_POLICY", "matrix"}}).routes_policy,
            core::model::RoutesPolicy::Matrix);
  EXPECT_EQ(message({{"WALKING_NETWORK", "graph"}}),
            "WALKING_NETWORK must be one of osm, model, got \"graph\"");
  EXPECT_EQ(from_environment({{"WALKING_NETWORK", "model"}}).walking_network,
            core::model::WalkingNetwork::Model);
  const std::string keys = message({{"API_KEYS", "short-secret:admin"}});
  EXPECT_EQ(keys.find("short-secret"), std::string::npos) << keys;
  EXPECT_NE(keys.find("API_KEYS entry 1"), std::string::npos);
  EXPECT_NE(message({{"DATABASE_URL", "mysql://x"}}).find("DATABASE_URL"), std::string::npos);
}

TEST(Config, LlmModelDefaultFollowsTheApiStyle) {
  EXPECT_EQ(from_environment({}).llm_model, "perplexity/sonar");
  EXPECT_EQ(from_environment({{"LLM_API_STYLE", "agent"}}).llm_model, "perplexity/sonar");
  EXPECT_EQ(from_environment({{"LLM_API_STYLE", "chat"}}).llm_model, "sonar")
      << "Perplexity's chat endpoint refuses the Agent API's provider-prefixed names";
  EXPECT_EQ(from_environment({{"LLM_API_STYLE", "chat"}, {"LLM_MODEL", "gpt-4o-mini"}}).llm_model,
            "gpt-4o-mini");
  EXPECT_EQ(from_environment({{"LLM_MODEL", "perplexity/sonar-pro"}}).llm_model,
            "perplexity/sonar-pro");
}

TEST(Config, BaseUrlsMayCarryAPathPrefix) {
  const auto config = from_environment({{"PERPLEXITY_BASE_URL", "http://127.0.0.1:18777/v1/"},
                                        {"GOOGLE_PLACES_BASE_URL", "https://gw.example/maps"}});
  EXPECT_EQ(config.perplexity_base_url, "http://127.0.0.1:18777/v1/");
  EXPECT_EQ(config.google_places_base_url, "https://gw.example/maps");
  const auto refused = [](const std::string& url) {
    try {
      from_environment({{"GOOGLE_ROUTES_BASE_URL", url}});
    } catch (const core::InputError& e) {
      return std::string(e.what()).rfind("GOOGLE_ROUTES_BASE_URL: ", 0) == 0;
    }
    return false;
  };
  EXPECT_TRUE(refused("routes.googleapis.com"));
  EXPECT_TRUE(refused("https://routes.googleapis.com/v2?key=x"));
  EXPECT_TRUE(refused("https:///v2"));
}

TEST(Config, KeepAliveIsShortByDefaultAndBounded) {
  EXPECT_EQ(server::config::from_environment({}).http_keep_alive_seconds, 5);
  EXPECT_EQ(server::config::from_environment({{"HTTP_KEEP_ALIVE_SECONDS", "130"}})
                .http_keep_alive_seconds,
            130);
  EXPECT_THROW(server::config::from_environment({{"HTTP_KEEP_ALIVE_SECONDS", "0"}}),
               core::InputError);
  EXPECT_THROW(server::config::from_environment({{"HTTP_KEEP_ALIVE_SECONDS", "5000"}}),
               core::InputError);
}

TEST(Config, LingerIsTwentyMillisecondsByDefaultZeroTurnsItOff) {
  EXPECT_EQ(server::config::from_environment({}).http_linger_ms, 20);
  EXPECT_EQ(server::config::from_environment({{"HTTP_LINGER_MS", "0"}}).http_linger_ms, 0);
  EXPECT_EQ(server::config::from_environment({{"HTTP_LINGER_MS", "5"}}).http_linger_ms, 5);
  EXPECT_THROW(server::config::from_environment({{"HTTP_LINGER_MS", "-1"}}), core::InputError);
  EXPECT_THROW(server::config::from_environment({{"HTTP_LINGER_MS", "2000"}}), core::InputError);
}

TEST(Config, GenerationConcurrencyIsEightByDefaultAndBounded) {
  EXPECT_EQ(server::config::from_environment({}).generation_concurrency, 8);
  EXPECT_EQ(
      server::config::from_environment({{"GENERATION_CONCURRENCY", "1"}}).generation_concurrency,
      1);
  EXPECT_THROW(server::config::from_environment({{"GENERATION_CONCURRENCY", "0"}}),
               core::InputError);
  EXPECT_THROW(server::config::from_environment({{"GENERATION_CONCURRENCY", "33"}}),
               core::InputError);
}

TEST(Config, DescribeMasksSecrets) {
  const auto config = from_environment({{"DATABASE_URL", "postgres://u:hunter2@db/narrando"},
                                        {"GOOGLE_PLACES_API_KEY", "AIzaSecret"},
                                        {"API_KEYS", "app-key-0123456789:app"}});
  for (const std::string& line : server::config::describe(config)) {
    EXPECT_EQ(line.find("hunter2"), std::string::npos) << line;
    EXPECT_EQ(line.find("AIzaSecret"), std::string::npos) << line;
    EXPECT_EQ(line.find("app-key-0123456789"), std::string::npos) << line;
  }
  EXPECT_EQ(server::config::redact_url("postgres://u:hunter2@db/narrando"),
            "postgres://u:***@db/narrando");
  EXPECT_EQ(server::config::redact_url("postgres://db/narrando"), "postgres://db/narrando");
}

TEST(Config, SupabaseAuthIsOffUnlessItsUrlIsSet) {
  const auto off =
      from_environment({{"SUPABASE_JWT_AUDIENCE", "x"}, {"SUPABASE_JWKS_CACHE_SECONDS", "60"}});
  EXPECT_FALSE(off.supabase.enabled());
  EXPECT_TRUE(off.development_mode());
  const auto on =
      from_environment({{"SUPABASE_URL", "https://abcd.supabase.co/"},
                        {"SUPABASE_JWT_SECRET", "legacy-jwt-secret-0123456789abcdefghijklmn"}});
  EXPECT_TRUE(on.supabase.enabled());
  EXPECT_EQ(on.supabase.issuer(), "https://abcd.supabase.co/auth/v1")
      << "the trailing slash is dropped";
  EXPECT_EQ(on.supabase.audience, "authenticated");
  EXPECT_EQ(on.supabase.jwks_cache_seconds, 600);
  EXPECT_FALSE(on.development_mode()) << "app users are authenticated: no open development mode";
  EXPECT_EQ(on.listen_host(), "0.0.0.0");
}

TEST(Config, SupabaseSettingsAreCheckedWithoutEchoingTheSecret) {
  const std::string secret = "legacy-jwt-secret-0123456789abcdefghijklmn";
  EXPECT_NE(message({{"SUPABASE_JWT_SECRET", secret}}).find("needs SUPABASE_URL"),
            std::string::npos);
  const std::string short_secret =
      message({{"SUPABASE_URL", "https://abcd.supabase.co"}, {"SUPABASE_JWT_SECRET", "tiny"}});
  EXPECT_NE(short_secret.find("at least 32"), std::string::npos) << short_secret;
  EXPECT_EQ(short_secret.find("tiny"), std::string::npos);
  EXPECT_NE(message({{"SUPABASE_URL", "ftp://abcd.supabase.co"}}).find("SUPABASE_URL"),
            std::string::npos);
  EXPECT_NE(
      message({{"SUPABASE_URL", "https://<project-ref>.supabase.co"}}).find("no plain host name"),
      std::string::npos)
      << "the deploy manifest's placeholder stops the server at start";
  EXPECT_NE(
      message({{"SUPABASE_URL", "https://a.supabase.co"}, {"SUPABASE_JWKS_CACHE_SECONDS", "0"}})
          .find("SUPABASE_JWKS_CACHE_SECONDS"),
      std::string::npos);
  const auto config = from_environment(
      {{"SUPABASE_URL", "https://abcd.supabase.co"}, {"SUPABASE_JWT_SECRET", secret}});
  bool listed = false;
  for (const std::string& line : server::config::describe(config)) {
    EXPECT_EQ(line.find(secret), std::string::npos) << line;
    listed = listed || line == "SUPABASE_JWT_SECRET=(set)";
  }
  EXPECT_TRUE(listed);
}

}  // namespace
