#include "server/replay/replay_transport.h"

#include <algorithm>

namespace server::replay {

ReplayTransport::ReplayTransport(const std::vector<core::model::ExternalCall>& calls,
                                 const std::string& service) {
  for (const core::model::ExternalCall& call : calls) {
    if (call.service == service) m_calls.push_back(call);
  }
  m_used.assign(m_calls.size(), false);
}

clients::HttpResponse ReplayTransport::send(const clients::HttpRequest& request) {
  std::lock_guard lock(m_mutex);
  for (std::size_t i = 0; i < m_calls.size(); ++i) {
    const core::model::ExternalCall& call = m_calls[i];
    if (m_used[i] || call.method != request.method || call.path != request.path ||
        call.request_body != request.body) {
      continue;
    }
    m_used[i] = true;
    return {call.status, call.response_body, {}, call.error};
  }
  return {0, "", {}, "replay: no recorded response for " + request.method + " " + request.path};
}

std::size_t ReplayTransport::unused() const {
  std::lock_guard lock(m_mutex);
  // A cached answer was recorded so a replay can be answered it, not because a request was made:
  // left over, it is no sign of a different run.
  std::size_t unused = 0;
  for (std::size_t i = 0; i < m_calls.size(); ++i)
    unused += !m_used[i] && !m_calls[i].cached ? 1U : 0U;
  return unused;
}

}  // namespace server::replay
