#include "server/cli/services.h"

#include "server/errors.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_place_provider.h"
#include "server/offline/heuristic_attraction_filter.h"
#include "server/offline/walking_distance_provider.h"
#include "server/storage/postgres_database.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"

namespace server::cli {

std::unique_ptr<storage::Store> connect_store(const config::Config& config) {
  std::unique_ptr<storage::SqlDatabase> database;
  if (config.store_backend() == "postgres") {
    database = std::make_unique<storage::PostgresDatabase>(config.database_url, config.db_pool_size);
  } else {
    database = std::make_unique<storage::SqliteDatabase>(config.db_path);
  }
  return std::make_unique<storage::SqlStore>(std::move(database));
}

std::unique_ptr<storage::Store> open_store(const config::Config& config) {
  auto store = connect_store(config);
  store->migrate();
  return store;
}

std::unique_ptr<pipeline::PlaceProvider> make_place_provider(const config::Config&) {
  return std::make_unique<offline::EmbeddedPlaceProvider>(offline::EmbeddedCatalogue::builtin());
}

Services build_services(const config::Config& config) {
  Services services;
  services.config = config;
  services.store = open_store(config);
  services.choices.push_back("store: " + services.store->backend() + " (" +
                             (config.database_url.empty() ? config.db_path : config::redact_url(config.database_url)) +
                             ")");
  services.places = make_place_provider(config);
  services.choices.emplace_back("places: embedded offline data (no GOOGLE_PLACES_API_KEY)");
  services.filter = std::make_unique<offline::HeuristicAttractionFilter>();
  services.choices.emplace_back("filter: heuristic (no PERPLEXITY_API_KEY)");
  services.distances = std::make_unique<offline::WalkingDistanceProvider>();
  services.choices.emplace_back("distances: walking model");
  services.pipeline = std::make_unique<pipeline::Pipeline>(*services.places, *services.filter, *services.distances);
  jobs::RunnerSettings settings;
  settings.auto_publish = config.auto_publish == config::AutoPublish::First;
  settings.lease = std::chrono::seconds(config.lease_seconds);
  services.runner = std::make_unique<jobs::JobRunner>(*services.store, *services.pipeline, settings);
  return services;
}

}  // namespace server::cli
