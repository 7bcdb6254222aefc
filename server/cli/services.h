#pragma once

#include <memory>
#include <string>
#include <vector>

#include "server/clients/pricing.h"
#include "server/cli/providers.h"
#include "server/config/config.h"
#include "server/jobs/job_runner.h"
#include "server/pipeline/interfaces.h"
#include "server/pipeline/pipeline.h"
#include "server/storage/store.h"
#include "server/support/clock.h"

namespace server::cli {

/// The composition root: the implementations chosen from configuration, wired together.
struct Services {
  config::Config config;
  const support::Clock* clock = &support::system_clock();  ///< what stamps and waits; outlives the services
  clients::PriceTable prices;  ///< the estimated prices the clients were given
  ProviderChoice choice;
  std::unique_ptr<storage::Store> store;
  std::unique_ptr<pipeline::PlaceProvider> places;
  std::unique_ptr<pipeline::AttractionFilter> filter;
  std::unique_ptr<pipeline::DistanceProvider> distances;
  std::unique_ptr<pipeline::Pipeline> pipeline;
  std::unique_ptr<jobs::JobRunner> runner;
  std::vector<std::string> choices;  ///< what was selected and why, for the start-up log
};

/// Opens the store (migrating it) and picks each stage's implementation: Google, Perplexity
/// and PostgreSQL when configured, else the embedded data, heuristic filter and SQLite. The store
/// stamps with `clock` (which must outlive the services). Throws server::StorageError when the
/// database cannot be opened.
Services build_services(const config::Config& config, const support::Clock& clock = support::system_clock());

/// The place source chosen from configuration (Google Places with a key, else embedded data).
std::unique_ptr<pipeline::PlaceProvider> make_place_provider(const config::Config& config);

/// Connects to the configured database (SQLite file or PostgreSQL) without migrating.
std::unique_ptr<storage::Store> connect_store(const config::Config& config,
                                              const support::Clock& clock = support::system_clock());

/// Connects to the configured store and applies pending migrations.
std::unique_ptr<storage::Store> open_store(const config::Config& config,
                                           const support::Clock& clock = support::system_clock());

}  // namespace server::cli
