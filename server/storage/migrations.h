#pragma once

#include <string>
#include <vector>

namespace server::storage {

/// One versioned schema migration, compiled into the binary from migrations/<backend>/.
struct Migration {
  int version = 0;
  std::string name;  ///< file name, e.g. "0001_initial.sql"
  std::string sql;
};

/// The migrations of `backend` ("sqlite" or "postgres"), in version order.
std::vector<Migration> migrations_for(const std::string& backend);

}  // namespace server::storage
