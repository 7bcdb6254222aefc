#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/clients/pricing.h"
#include "server/config/config.h"
#include "server/jobs/job_board.h"
#include "server/jobs/job_runner.h"
#include "server/jobs/worker_pool.h"
#include "server/pipeline/interfaces.h"
#include "server/pipeline/pipeline.h"
#include "server/service/application.h"
#include "server/service/draft_service.h"
#include "server/service/generation_service.h"
#include "server/service/operations.h"
#include "server/service/read_service.h"
#include "server/storage/store.h"
#include "server/support/clock.h"
#include "server/wiring/providers.h"

// The composition root: what `serve`, `generate` and the tests run on, built in one place. It may
// include every layer of the server but the ones that use it (http, cli, replay); see
// tests/layering.
namespace server::wiring {

/// The implementations chosen from configuration, wired together, and the application services
/// over them. Members are declared in dependency order, so they are destroyed users first.
struct Services {
  config::Config config;
  const support::Clock* clock =
      &support::system_clock();  ///< what stamps and waits; outlives the services
  clients::PriceTable prices;    ///< the estimated prices the clients were given
  ProviderChoice choice;
  std::unique_ptr<storage::Store> store;
  std::unique_ptr<pipeline::PlaceProvider> places;
  std::unique_ptr<pipeline::AttractionFilter> filter;
  std::unique_ptr<pipeline::DistanceProvider> distances;
  std::unique_ptr<pipeline::Pipeline> pipeline;
  std::unique_ptr<jobs::JobRunner> runner;
  std::unique_ptr<jobs::JobBoard> board;   ///< this process's job news
  std::unique_ptr<jobs::WorkerPool> pool;  ///< built when workers were asked for; not started
  std::unique_ptr<service::GenerationService> generation;
  std::unique_ptr<service::DraftService> drafts;
  std::unique_ptr<service::ReadService> reads;
  std::unique_ptr<service::Operations> operations;
  std::vector<std::string> choices;  ///< what was selected and why, for the start-up log

  /// The application services, for the HTTP API.
  service::Application application() const { return {*generation, *drafts, *reads, *operations}; }
};

/// Opens the store (migrating it), picks each stage's implementation (Google, Perplexity and
/// PostgreSQL when configured, else the embedded data, heuristic filter and SQLite) and builds the
/// application services over them. With `workers`, a worker pool (not started) runs the queued
/// jobs and a new generation wakes it; without, the generation service runs a job it queued in
/// the calling thread (the CLI). Everything stamps and waits with `clock`, which must outlive the
/// services. Throws server::StorageError when the database cannot be opened.
Services build_services(const config::Config& config,
                        const support::Clock& clock = support::system_clock(),
                        std::optional<jobs::WorkerPoolSettings> workers = std::nullopt);

/// The place source chosen from configuration (Google Places with a key, else embedded data).
std::unique_ptr<pipeline::PlaceProvider> make_place_provider(const config::Config& config);

/// Connects to the configured database (SQLite file or PostgreSQL) without migrating.
std::unique_ptr<storage::Store>
connect_store(const config::Config& config, const support::Clock& clock = support::system_clock());

/// Connects to the configured store and applies pending migrations.
std::unique_ptr<storage::Store> open_store(const config::Config& config,
                                           const support::Clock& clock = support::system_clock());

}  // namespace server::wiring
