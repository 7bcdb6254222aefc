#include "server/config/config.h"

#include <charconv>

#include "server/config/env_reader.h"
#include "server/support/base_url.h"
#include "server/support/secrets.h"
#include "shared/errors.h"

namespace server::config {
namespace {

// A variable naming an enumerator of E, by E's name table.
template <core::model::NamedEnum E>
E read_enum(const Environment& env, const char* name, E fallback) {
  const std::string text = read_string(env, name, "");
  if (text.empty()) return fallback;
  if (const auto value = core::model::enum_from_name<E>(text)) return *value;
  std::string allowed;
  for (const auto& entry : core::model::EnumNames<E>::kNames) {
    allowed += (allowed.empty() ? "" : ", ") + std::string(entry.name);
  }
  throw core::InputError(std::string(name) + " must be one of " + allowed + ", got \"" + text +
                             "\"",
                         "invalid_config");
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// API_KEYS="key1:app,key2:editor". A malformed entry is reported by position, never by value.
std::map<std::string, Role> parse_api_keys(const std::string& text) {
  std::map<std::string, Role> keys;
  std::size_t start = 0;
  int position = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string entry =
        trim(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    start = comma == std::string::npos ? text.size() + 1 : comma + 1;
    ++position;
    if (entry.empty()) continue;
    const std::size_t colon = entry.rfind(':');
    const std::string key = colon == std::string::npos ? "" : trim(entry.substr(0, colon));
    const std::string role = colon == std::string::npos ? "" : trim(entry.substr(colon + 1));
    if (key.size() < 16 || (role != "app" && role != "editor")) {
      throw core::InputError(
          "API_KEYS entry " + std::to_string(position) +
              " must be <key>:app or <key>:editor with a key of at least 16 characters",
          "invalid_config");
    }
    keys[key] = role == "app" ? Role::App : Role::Editor;
  }
  return keys;
}

// scheme://host[:port][/prefix]: what the clients' transport can reach, checked at start.
void require_http_url(const std::string& url, const char* name) {
  try {
    support::split_base_url(url);
  } catch (const core::InputError& e) {
    throw core::InputError(std::string(name) + ": " + e.what(), "invalid_config");
  }
}

}  // namespace

std::string default_llm_model(const std::string& style) {
  // The Agent API names models by provider ("perplexity/sonar"); Perplexity's chat-completions
  // endpoint refuses that name and wants the bare "sonar".
  return style == "chat" ? "sonar" : "perplexity/sonar";
}

ServeRole serve_role_from(const std::string& name, const std::string& source) {
  if (name == "all") return ServeRole::All;
  if (name == "api") return ServeRole::Api;
  if (name == "worker") return ServeRole::Worker;
  throw core::InputError(source + " must be one of all, api, worker, got \"" + name + "\"",
                         "invalid_config");
}

std::string Config::listen_host() const {
  // Without keys nobody is authenticated: such a server must not be reachable from outside.
  if (development_mode()) return "127.0.0.1";
  return host.empty() ? "0.0.0.0" : host;
}

const std::vector<VariableDoc>& documented_variables() {
  static const std::vector<VariableDoc> kVariables{
      {"PORT", "8080", "HTTP port of `serve`", false},
      {"HOST",
       "0.0.0.0",
       "address `serve` listens on when API_KEYS is set (always 127.0.0.1 without)",
       false},
      {"DATABASE_URL",
       "(unset)",
       "postgres:// URL selects PostgreSQL/Supabase; unset selects SQLite",
       true},
      {"NARRANDO_DB", "./narrando.db", "SQLite file used when DATABASE_URL is unset", false},
      {"GOOGLE_PLACES_API_KEY",
       "(unset)",
       "Google Places/Routes key; unset selects the embedded places data",
       true},
      {"PERPLEXITY_API_KEY", "(unset)", "LLM filter key; unset selects the heuristic filter", true},
      {"LLM_API_STYLE", "agent", "agent (Perplexity Agent API) or chat (OpenAI-compatible)", false},
      {"LLM_MODEL",
       "perplexity/sonar (agent), sonar (chat)",
       "model asked for by the LLM filter; the default follows LLM_API_STYLE",
       false},
      {"GOOGLE_PLACES_BASE_URL",
       "https://places.googleapis.com",
       "Places API base URL (tests use a fake)",
       false},
      {"GOOGLE_ROUTES_BASE_URL", "https://routes.googleapis.com", "Routes API base URL", false},
      {"PERPLEXITY_BASE_URL", "https://api.perplexity.ai", "LLM API base URL", false},
      {"API_KEYS", "(unset: development mode)", "key:role,... with role app or editor", true},
      {"WALKING_NETWORK",
       "osm",
       "osm: plan and draw walks on OpenStreetMap street networks (embedded graphs offline, "
       "OVERPASS_URL for Google cities); model: straight line x detour factor",
       false},
      {"OVERPASS_URL",
       "https://overpass-api.de/api/interpreter",
       "Overpass API interpreter that serves the walkable ways of cities outside the embedded data",
       false},
      {"OVERPASS_TIMEOUT_SECONDS", "90", "read timeout of an Overpass query", false},
      {"ROUTES_POLICY",
       "off",
       "off (no Routes call), legs (Google Routes paths for the final legs, a paid refinement) or "
       "matrix (a Routes matrix for small cities)",
       false},
      {"ROUTES_MATRIX_MAX_POINTS",
       "25",
       "largest city (points) planned on a Routes matrix with ROUTES_POLICY=matrix",
       false},
      {"PLACES_MAX_PAGES", "3", "Text Search pages per query (20 places each)", false},
      {"CALL_BUDGET", "200", "external calls one generation (or one replan) may make", false},
      {"GENERATION_CONCURRENCY",
       "8",
       "external calls of one generation in flight at once (independent searches, LLM batches, "
       "Routes legs); 1: one after the other",
       false},
      {"CLIENT_TIMEOUT_SECONDS", "30", "read timeout of Google calls", false},
      {"CLIENT_MAX_ATTEMPTS",
       "4",
       "attempts per external call (retries on 429, 5xx, timeouts)",
       false},
      {"CLIENT_RETRY_BASE_MS",
       "500",
       "first retry delay; doubles per attempt with jitter, Retry-After wins",
       false},
      {"JOB_MAX_ATTEMPTS", "3", "attempts of a generation job before it fails for good", false},
      {"LLM_TIMEOUT_SECONDS", "180", "read timeout of LLM calls", false},
      {"LLM_BATCH_SIZE", "40", "candidates per LLM request", false},
      {"PRICES_JSON",
       "(built-in list prices)",
       "JSON object of estimated USD per call by SKU, overriding the defaults",
       false},
      {"WORKERS", "2", "generation worker threads of `serve`", false},
      {"SERVE_ROLE",
       "all",
       "all (API and workers), api (API only), worker (workers, probes and metrics only)",
       false},
      {"AUTO_PUBLISH",
       "first",
       "first: a city's first revision is published at once; never: editors publish",
       false},
      {"WAIT_SECONDS", "60", "how long POST /api/generate-city waits before answering 202", false},
      {"SHUTDOWN_GRACE_SECONDS",
       "25",
       "on SIGTERM, time given to running jobs before they are re-queued",
       false},
      {"JOB_LEASE_SECONDS",
       "60",
       "job lease; another instance takes a job over when it expires",
       false},
      {"HTTP_THREADS",
       "64",
       "threads serving requests whose head (and body) has arrived, half for reads (GET, HEAD, "
       "OPTIONS) and half for the rest, each half with its own queue; idle and slow connections "
       "hold none",
       false},
      {"HTTP_HEADER_TIMEOUT_SECONDS",
       "10",
       "a request's head must arrive within this from its first byte (else 408 and the connection "
       "closes)",
       false},
      {"HTTP_BODY_TIMEOUT_SECONDS",
       "30",
       "a request's body must arrive within this from the end of its head (else 408 and the "
       "connection closes)",
       false},
      {"HTTP_MAX_CONNECTIONS",
       "1024",
       "open connections; at the bound the longest idle, else the slowest unfinished, is closed to "
       "make room",
       false},
      {"METRICS_PORT",
       "(unset: the API port)",
       "serve /metrics on this port only, and not on the API port (0: any free port)",
       false},
      {"METRICS_KEY",
       "(unset: /metrics is public)",
       "when set, /metrics needs Authorization: Bearer <METRICS_KEY> (16+ characters)",
       true},
      {"RATE_LIMIT_GENERATE_PER_HOUR",
       "30",
       "new generations one app caller (an app key, or a Supabase user) may start per hour; more "
       "get 429 with Retry-After (editors are not limited)",
       false},
      {"RATE_LIMIT_GENERATE_BURST",
       "5",
       "new generations one caller may start at once before the hourly rate applies",
       false},
      {"SPEND_BUDGET_USD_PER_DAY",
       "100",
       "estimated external cost of all generations per UTC day; a generation that could exceed it "
       "is refused before any paid call",
       false},
      {"SPEND_BUDGET_USD_PER_CALLER_PER_DAY",
       "25",
       "the same per app caller: an app key, or a Supabase user (editors count against the "
       "instance budget only)",
       false},
      {"SUPABASE_URL",
       "(unset: no JWT is accepted)",
       "the Supabase project's URL (https://<ref>.supabase.co): app users' access tokens are "
       "accepted as app credentials, verified against <SUPABASE_URL>/auth/v1/.well-known/jwks.json "
       "and issued by <SUPABASE_URL>/auth/v1",
       false},
      {"SUPABASE_JWT_SECRET",
       "(unset: HS256 refused)",
       "the project's legacy JWT secret (32+ characters): HS256 access tokens are verified with "
       "it; needs SUPABASE_URL",
       true},
      {"SUPABASE_JWT_AUDIENCE", "authenticated", "the \"aud\" an access token must carry", false},
      {"SUPABASE_JWKS_CACHE_SECONDS",
       "600",
       "how long fetched signing keys are used before they are fetched again (a token with an "
       "unknown kid refetches at once, at most every 30 s)",
       false},
      {"QUEUE_MAX_JOBS",
       "50",
       "queued generations; a new one beyond this gets 503 with Retry-After",
       false},
      {"HTTP_KEEP_ALIVE_SECONDS",
       "5",
       "how long an idle keep-alive connection stays open; behind a load balancer, longer than its "
       "idle timeout (else it may send a request on a connection being closed: 502)",
       false},
      {"HTTP_LINGER_MS",
       "20",
       "a thread that answered waits this long for the connection's next request before handing "
       "it back to the front door (at most half the read threads; 0: never)",
       false},
      {"DB_POOL_SIZE", "8", "PostgreSQL connections per instance", false},
      {"PUBLISHED_CACHE_SECONDS",
       "2",
       "how long the app may be served a city's published revision without asking the database "
       "(another instance's publish shows within this time plus one background read; 0: always "
       "ask)",
       false},
      {"LOG_LEVEL", "info", "debug, info, warn or error", false},
      {"LOG_FORMAT", "text", "text, or json (one line per event; use in containers)", false},
  };
  return kVariables;
}

Config from_environment(const std::map<std::string, std::string>& env) {
  Config config;
  config.port = read_int(env, "PORT", config.port, 0, 65535);
  config.host = read_string(env, "HOST", "");
  config.database_url = read_string(env, "DATABASE_URL", "");
  // libpq takes a URL or keyword/value pairs ("host=... dbname=... password=..."); the value is
  // never quoted back: it may hold a password.
  const bool url = config.database_url.starts_with("postgres://") ||
                   config.database_url.starts_with("postgresql://");
  const bool keywords = config.database_url.find("://") == std::string::npos &&
                        config.database_url.find('=') != std::string::npos;
  if (!config.database_url.empty() && !url && !keywords) {
    throw core::InputError(
        "DATABASE_URL must be a postgres:// or postgresql:// URL, or libpq keyword=value pairs",
        "invalid_config");
  }
  config.db_path = read_string(env, "NARRANDO_DB", config.db_path);
  config.google_places_api_key = read_string(env, "GOOGLE_PLACES_API_KEY", "");
  config.perplexity_api_key = read_string(env, "PERPLEXITY_API_KEY", "");
  config.llm_api_style = read_choice(env, "LLM_API_STYLE", config.llm_api_style, {"agent", "chat"});
  config.llm_model = read_string(env, "LLM_MODEL", default_llm_model(config.llm_api_style));
  config.google_places_base_url =
      read_string(env, "GOOGLE_PLACES_BASE_URL", config.google_places_base_url);
  config.google_routes_base_url =
      read_string(env, "GOOGLE_ROUTES_BASE_URL", config.google_routes_base_url);
  config.perplexity_base_url = read_string(env, "PERPLEXITY_BASE_URL", config.perplexity_base_url);
  require_http_url(config.google_places_base_url, "GOOGLE_PLACES_BASE_URL");
  require_http_url(config.google_routes_base_url, "GOOGLE_ROUTES_BASE_URL");
  require_http_url(config.perplexity_base_url, "PERPLEXITY_BASE_URL");
  config.api_keys = parse_api_keys(read_string(env, "API_KEYS", ""));
  config.routes_policy = read_enum(env, "ROUTES_POLICY", config.routes_policy);
  config.walking_network = read_enum(env, "WALKING_NETWORK", config.walking_network);
  config.overpass_url = read_string(env, "OVERPASS_URL", config.overpass_url);
  require_http_url(config.overpass_url, "OVERPASS_URL");
  config.overpass_timeout_seconds =
      read_int(env, "OVERPASS_TIMEOUT_SECONDS", config.overpass_timeout_seconds, 10, 900);
  config.routes_matrix_max_points =
      read_int(env, "ROUTES_MATRIX_MAX_POINTS", config.routes_matrix_max_points, 2, 200);
  config.places_max_pages = read_int(env, "PLACES_MAX_PAGES", config.places_max_pages, 1, 3);
  config.call_budget = read_int(env, "CALL_BUDGET", config.call_budget, 1, 10000);
  config.generation_concurrency =
      read_int(env, "GENERATION_CONCURRENCY", config.generation_concurrency, 1, 32);
  config.client_max_attempts =
      read_int(env, "CLIENT_MAX_ATTEMPTS", config.client_max_attempts, 1, 10);
  config.client_retry_base_ms =
      read_int(env, "CLIENT_RETRY_BASE_MS", config.client_retry_base_ms, 1, 60000);
  config.job_max_attempts = read_int(env, "JOB_MAX_ATTEMPTS", config.job_max_attempts, 1, 20);
  config.client_timeout_seconds =
      read_int(env, "CLIENT_TIMEOUT_SECONDS", config.client_timeout_seconds, 1, 600);
  config.llm_timeout_seconds =
      read_int(env, "LLM_TIMEOUT_SECONDS", config.llm_timeout_seconds, 1, 1800);
  config.llm_batch_size = static_cast<std::size_t>(read_int(env, "LLM_BATCH_SIZE", 40, 1, 300));
  config.prices_json = read_string(env, "PRICES_JSON", "");
  config.workers = read_int(env, "WORKERS", config.workers, 0, 64);
  config.serve_role = serve_role_from(read_string(env, "SERVE_ROLE", "all"), "SERVE_ROLE");
  config.log_level =
      read_choice(env, "LOG_LEVEL", config.log_level, {"debug", "info", "warn", "error"});
  config.log_format = read_choice(env, "LOG_FORMAT", config.log_format, {"text", "json"});
  config.auto_publish = read_choice(env, "AUTO_PUBLISH", "first", {"first", "never"}) == "never"
                            ? AutoPublish::Never
                            : AutoPublish::First;
  config.wait_seconds = read_int(env, "WAIT_SECONDS", config.wait_seconds, 0, 600);
  config.shutdown_grace_seconds =
      read_int(env, "SHUTDOWN_GRACE_SECONDS", config.shutdown_grace_seconds, 0, 3600);
  config.lease_seconds = read_int(env, "JOB_LEASE_SECONDS", config.lease_seconds, 5, 3600);
  config.http_threads = read_int(env, "HTTP_THREADS", config.http_threads, 2, 1024);
  config.http_keep_alive_seconds =
      read_int(env, "HTTP_KEEP_ALIVE_SECONDS", config.http_keep_alive_seconds, 1, 4100);
  config.http_linger_ms = read_int(env, "HTTP_LINGER_MS", config.http_linger_ms, 0, 1000);
  config.db_pool_size = read_int(env, "DB_POOL_SIZE", config.db_pool_size, 1, 200);
  config.published_cache_seconds =
      read_int(env, "PUBLISHED_CACHE_SECONDS", config.published_cache_seconds, 0, 300);
  config.safeguards = read_safeguards(env);
  config.supabase = read_supabase_auth(env);
  return config;
}

std::string redact_url(const std::string& url) {
  return support::redact_connection_string(url);
}

std::vector<std::string> describe(const Config& config) {
  const auto secret = [](const std::string& value) {
    return value.empty() ? std::string("(unset)") : "(set)";
  };
  return {
      "PORT=" + std::to_string(config.port),
      "HOST=" + config.listen_host(),
      "DATABASE_URL=" + (config.database_url.empty() ? "(unset)" : redact_url(config.database_url)),
      "NARRANDO_DB=" + config.db_path,
      "GOOGLE_PLACES_API_KEY=" + secret(config.google_places_api_key),
      "PERPLEXITY_API_KEY=" + secret(config.perplexity_api_key),
      "LLM_API_STYLE=" + config.llm_api_style,
      "LLM_MODEL=" + config.llm_model,
      "WALKING_NETWORK=" + std::string(to_string(config.walking_network)),
      "OVERPASS_URL=" + config.overpass_url,
      "ROUTES_POLICY=" + std::string(to_string(config.routes_policy)),
      "CALL_BUDGET=" + std::to_string(config.call_budget),
      "GENERATION_CONCURRENCY=" + std::to_string(config.generation_concurrency),
      "API_KEYS=" + (config.api_keys.empty() ? std::string("(unset: development mode)")
                                             : std::to_string(config.api_keys.size()) + " keys"),
      "WORKERS=" + std::to_string(config.workers),
      "AUTO_PUBLISH=" + std::string(config.auto_publish == AutoPublish::First ? "first" : "never"),
      "LOG_FORMAT=" + config.log_format,
      "HTTP_MAX_CONNECTIONS=" + std::to_string(config.safeguards.http_max_connections),
      "METRICS_PORT=" + (config.safeguards.metrics_port
                             ? std::to_string(*config.safeguards.metrics_port)
                             : "(API port)"),
      "METRICS_KEY=" + secret(config.safeguards.metrics_key),
      "SUPABASE_URL=" +
          (config.supabase.enabled() ? config.supabase.url : "(unset: no JWT is accepted)"),
      "SUPABASE_JWT_SECRET=" + secret(config.supabase.jwt_secret),
      "SUPABASE_JWT_AUDIENCE=" + config.supabase.audience,
      "SUPABASE_JWKS_CACHE_SECONDS=" + std::to_string(config.supabase.jwks_cache_seconds),
  };
}

}  // namespace server::config
