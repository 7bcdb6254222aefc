#pragma once

#include <map>
#include <string>

#include "server/storage/store.h"
#include "shared/model/job.h"

namespace server::service {

/// What operators ask of the application: is its database there, how many jobs are in each
/// state. Thread-safe if the store is.
class Operations {
 public:
  /// `store` must outlive the service.
  explicit Operations(storage::Store& store) : m_store(store) {}

  /// The store's backend ("sqlite", "postgres") once it answers; throws server::StorageError.
  std::string ready() const;
  /// Generation jobs in each state.
  std::map<core::model::JobStatus, int> job_counts() const { return m_store.count_jobs(); }
  /// The store itself, for the HTTP layer's bounds on new generations (http/generation_admission
  /// settles the spend budget against finished jobs); handlers read through the other services.
  storage::Store& store() const { return m_store; }

 private:
  storage::Store& m_store;
};

}  // namespace server::service
