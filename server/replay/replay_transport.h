#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "server/clients/http_transport.h"
#include "shared/model/run_trace.h"

namespace server::replay {

/// Answers requests from a run's recorded calls instead of the network: each recorded exchange
/// of the service, in order, once; a request that was never recorded gets a transport error,
/// so a replay that asks for something new fails instead of guessing.
class ReplayTransport : public clients::HttpTransport {
 public:
  /// Keeps the calls of `service` from `calls`.
  ReplayTransport(const std::vector<core::model::ExternalCall>& calls, const std::string& service);

  clients::HttpResponse send(const clients::HttpRequest& request) override;
  /// Recorded calls that the replay never asked for.
  std::size_t unused() const;

 private:
  mutable std::mutex m_mutex;
  std::vector<core::model::ExternalCall> m_calls;
  std::vector<bool> m_used;
};

}  // namespace server::replay
