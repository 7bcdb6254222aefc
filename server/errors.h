#pragma once

#include <string>

#include "shared/errors.h"

namespace server {

/// An external service failed (no answer, 5xx, 429, unusable body). `retryable` says whether a
/// later attempt may succeed. The message names the service and status, never a key. HTTP 502.
class UpstreamError : public core::Error {
 public:
  /// `service` is "places", "routes" or "llm"; `status` the HTTP status or 0 without a response.
  UpstreamError(std::string service, int status, const std::string& message, bool retryable)
      : core::Error("upstream_error", message), m_service(std::move(service)), m_status(status),
        m_retryable(retryable) {}
  const std::string& service() const noexcept { return m_service; }
  int status() const noexcept { return m_status; }
  bool retryable() const noexcept { return m_retryable; }

 private:
  std::string m_service;
  int m_status;
  bool m_retryable;
};

/// The database failed or is unreachable. HTTP 503.
class StorageError : public core::Error {
 public:
  explicit StorageError(const std::string& message) : core::Error("storage_unavailable", message) {}
};

/// A worker lost its job's lease to another instance; its result must not be written.
class LeaseLostError : public core::Error {
 public:
  explicit LeaseLostError(const std::string& message) : core::Error("lease_lost", message) {}
};

/// A run was asked to stop (shutdown) before it finished; its job goes back to the queue.
class CancelledError : public core::Error {
 public:
  explicit CancelledError(const std::string& message) : core::Error("cancelled", message) {}
};

}  // namespace server
