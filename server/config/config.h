#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "server/config/safeguards.h"
#include "server/config/supabase_auth.h"
#include "shared/model/routes_policy.h"
#include "shared/model/walking_network.h"

namespace server::config {

/// What an API key may do: the app reads published content and asks for cities; editors do all.
enum class Role { App, Editor };

/// What `serve` runs: the API and workers (all), the API only (jobs run elsewhere), or workers
/// only (with just the probes and metrics on HTTP).
enum class ServeRole { All, Api, Worker };

/// Whether a city's first revision is published at once ("first", the default) or waits ("never").
enum class AutoPublish { First, Never };

/// Everything configurable, read once at start (DESIGN §4). Secrets live here and nowhere else.
struct Config {
  int port = 8080;
  std::string host;  ///< empty: 0.0.0.0; ignored in development mode (127.0.0.1)
  std::string
      database_url;  ///< postgres://... (or keyword=value) selects PostgreSQL; empty selects SQLite
  std::string db_path = "./narrando.db";
  std::string google_places_api_key;    ///< empty selects the embedded places data
  std::string perplexity_api_key;       ///< empty selects the heuristic filter
  std::string llm_api_style = "agent";  ///< "agent" (Perplexity Agent API) or "chat"
  std::string llm_model =
      "perplexity/sonar";  ///< LLM_MODEL; unset: default_llm_model(llm_api_style)
  std::string google_places_base_url = "https://places.googleapis.com";
  std::string google_routes_base_url = "https://routes.googleapis.com";
  std::string perplexity_base_url = "https://api.perplexity.ai";
  std::map<std::string, Role> api_keys;  ///< key -> role; empty = development mode
  core::model::RoutesPolicy routes_policy =
      core::model::RoutesPolicy::Off;  ///< what Google Routes is asked for
  core::model::WalkingNetwork walking_network =
      core::model::WalkingNetwork::Osm;  ///< what walks are measured on
  std::string overpass_url = "https://overpass-api.de/api/interpreter";  ///< Overpass API endpoint
  int overpass_timeout_seconds =
      90;  ///< read timeout of an Overpass query (its [timeout:] is 10 s less)
  int routes_matrix_max_points = 25;  ///< with Matrix: the largest city planned on a Routes matrix
  int places_max_pages = 3;           ///< Text Search pages per query
  int call_budget = 200;              ///< external calls one run may make
  int generation_concurrency = 8;     ///< external calls of one run in flight at once
  int client_max_attempts = 4;        ///< attempts per external call (retries on 429/5xx/timeouts)
  int client_retry_base_ms = 500;     ///< first backoff delay; doubles per attempt, with jitter
  int job_max_attempts = 3;           ///< attempts of a job before it fails for good
  int client_timeout_seconds = 30;    ///< read timeout of Google calls
  int llm_timeout_seconds = 180;      ///< read timeout of LLM calls (long answers)
  std::size_t llm_batch_size = 40;    ///< candidates per LLM request
  std::string prices_json;            ///< overrides of the estimated prices per SKU
  int workers = 2;
  ServeRole serve_role = ServeRole::All;  ///< SERVE_ROLE / --role
  std::string log_level = "info";         ///< debug, info, warn, error
  std::string log_format = "text";        ///< text or json
  AutoPublish auto_publish = AutoPublish::First;
  int wait_seconds = 60;  ///< default wait window of POST /api/generate-city
  int shutdown_grace_seconds = 25;
  int lease_seconds = 60;  ///< job lease; renewed while a worker runs the job
  int http_threads = 64;
  int http_keep_alive_seconds = 5;  ///< idle keep-alive; > an ALB's idle timeout
  int http_linger_ms = 20;  ///< a thread that answered waits this long for the next request; 0: off
  int published_cache_seconds = 2;  ///< how stale an app read of a published city may be
  int db_pool_size = 8;             ///< PostgreSQL connections per instance
  std::size_t max_body_bytes = 1024 * 1024;
  Safeguards safeguards;  ///< connection deadlines and bound, metrics access, paid-call limits
  SupabaseAuth supabase;  ///< app users' access tokens (SUPABASE_*)

  /// True without API keys and without Supabase Auth: no auth, loopback only.
  bool development_mode() const { return api_keys.empty() && !supabase.enabled(); }
  /// The address to listen on: 127.0.0.1 in development mode, else `host` or 0.0.0.0.
  std::string listen_host() const;
  /// "postgres" when DATABASE_URL is set, else "sqlite".
  std::string store_backend() const { return database_url.empty() ? "sqlite" : "postgres"; }
};

/// The model asked for when LLM_MODEL is unset: "perplexity/sonar" for the Agent API ("agent"),
/// "sonar" for chat completions ("chat"), the names each Perplexity endpoint accepts.
std::string default_llm_model(const std::string& style);

/// Parses "all", "api" or "worker"; throws core::InputError naming `source` otherwise.
ServeRole serve_role_from(const std::string& name, const std::string& source);

/// One documented variable, for `narrando-server config` and the README.
struct VariableDoc {
  const char* name;
  const char* default_value;
  const char* meaning;
  bool secret;
};

/// Every variable the server reads.
const std::vector<VariableDoc>& documented_variables();

/// Builds a Config from environment variables. Throws core::InputError naming the variable
/// and what is wrong with it (never echoing a secret's value).
Config from_environment(const std::map<std::string, std::string>& env);

/// The configuration as "NAME=value" lines with secrets masked, for logs and `config`.
std::vector<std::string> describe(const Config& config);

/// DATABASE_URL with every password replaced by "***", in any of its forms (userinfo, query
/// parameters, keyword/value pairs): support::redact_connection_string.
std::string redact_url(const std::string& url);

}  // namespace server::config
