#include "server/wiring/services.h"

#include "server/errors.h"
#include "server/storage/postgres_database.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"

namespace server::wiring {

std::unique_ptr<storage::Store> connect_store(const config::Config& config,
                                              const support::Clock& clock) {
  std::unique_ptr<storage::SqlDatabase> database;
  if (config.store_backend() == "postgres") {
    database =
        std::make_unique<storage::PostgresDatabase>(config.database_url, config.db_pool_size);
  } else {
    database = std::make_unique<storage::SqliteDatabase>(config.db_path);
  }
  return std::make_unique<storage::SqlStore>(std::move(database), config.job_max_attempts, clock);
}

std::unique_ptr<storage::Store> open_store(const config::Config& config,
                                           const support::Clock& clock) {
  auto store = connect_store(config, clock);
  store->migrate();
  return store;
}

std::unique_ptr<pipeline::PlaceProvider> make_place_provider(const config::Config& config) {
  clients::PriceTable prices;  // checking a place id makes no call, so no prices are needed
  return make_providers(ProviderChoice::from_config(config),
                        config,
                        real_transports(config),
                        clients::real_sleeper(),
                        prices)
      .places;
}

Services build_services(const config::Config& config,
                        const support::Clock& clock,
                        std::optional<jobs::WorkerPoolSettings> workers) {
  Services services;
  services.config = config;
  services.clock = &clock;
  services.prices = clients::PriceTable::defaults();
  if (!config.prices_json.empty()) services.prices.override_from_json(config.prices_json);
  services.store = open_store(config, clock);
  services.choices.push_back(
      "store: " + services.store->backend() + " (" +
      (config.database_url.empty() ? config.db_path : config::redact_url(config.database_url)) +
      ")");
  services.choice = ProviderChoice::from_config(config);
  Providers providers = make_providers(
      services.choice, config, real_transports(config), clients::real_sleeper(), services.prices);
  services.places = std::move(providers.places);
  services.filter = std::move(providers.filter);
  services.distances = std::move(providers.distances);
  services.choices.insert(
      services.choices.end(), providers.descriptions.begin(), providers.descriptions.end());
  services.pipeline = std::make_unique<pipeline::Pipeline>(*services.places,
                                                           *services.filter,
                                                           *services.distances,
                                                           pipeline::StageRetry{},
                                                           services.choice.settings());
  jobs::RunnerSettings settings;
  settings.auto_publish = config.auto_publish == config::AutoPublish::First;
  settings.lease = std::chrono::seconds(config.lease_seconds);
  settings.call_budget = config.call_budget;
  settings.concurrency = config.generation_concurrency;
  services.runner =
      std::make_unique<jobs::JobRunner>(*services.store, *services.pipeline, settings);
  services.board = std::make_unique<jobs::JobBoard>(clock);
  if (workers) {
    services.pool = std::make_unique<jobs::WorkerPool>(
        *services.store, *services.runner, *services.board, *workers, clock);
  }
  // Without a pool, the generation service runs the jobs it queues itself (the CLI).
  services.generation =
      std::make_unique<service::GenerationService>(*services.store,
                                                   *services.places,
                                                   services.board.get(),
                                                   services.pool.get(),
                                                   services.pool ? nullptr : services.runner.get(),
                                                   clock);
  services.drafts = std::make_unique<service::DraftService>(
      *services.store,
      *services.pipeline,
      service::ReplanSettings{config.call_budget, config.generation_concurrency},
      clock);
  services.reads = std::make_unique<service::ReadService>(*services.store);
  services.operations = std::make_unique<service::Operations>(*services.store);
  return services;
}

}  // namespace server::wiring
