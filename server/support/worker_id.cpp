#include "server/support/worker_id.h"

#include <unistd.h>

namespace server::support {

std::string worker_id(const std::string& role) {
  char host[256] = "host";
  gethostname(host, sizeof host - 1);
  return role + "-" + host + "-" + std::to_string(getpid());
}

}  // namespace server::support
