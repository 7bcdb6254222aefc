#include "server/service/operations.h"

namespace server::service {

std::string Operations::ready() const {
  m_store.ping();
  return m_store.backend();
}

}  // namespace server::service
