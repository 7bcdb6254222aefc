#include "bench/deadline.h"

namespace bench {

Deadline::Deadline(std::int64_t limit_ms)
    : m_start(std::chrono::steady_clock::now()),
      m_end(m_start + std::chrono::milliseconds(limit_ms)), m_enabled(limit_ms > 0) {}

bool Deadline::stop_requested() const {
  return m_enabled && std::chrono::steady_clock::now() >= m_end;
}

double Deadline::elapsed_s() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

}  // namespace bench
