#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "server/storage/store.h"
#include "server/support/clock.h"

namespace narrando::testing {

/// Opens a fresh, empty, migrated store for one test of the contract suite, stamping with the
/// clock given (the system's unless a test moves time itself; it must outlive the store).
struct StoreBackend {
  std::string name;  ///< "sqlite" or "postgres"
  std::function<std::unique_ptr<server::storage::Store>(const server::support::Clock&)> open;
};

/// Test names print the backend, not its bytes.
inline void PrintTo(const StoreBackend& backend, std::ostream* out) {
  *out << backend.name;
}

/// A city, a revision with attractions and one tour, and a trace, for storage tests.
struct SampleGeneration {
  core::model::City city;
  core::model::Revision revision;
  core::model::RunTrace trace;
};

/// Sample content for `place_id`; `variant` changes names and scores so revisions differ.
SampleGeneration sample_generation(const std::string& place_id, int variant = 0);

}  // namespace narrando::testing
