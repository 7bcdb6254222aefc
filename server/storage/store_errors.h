#pragma once

#include <string>

#include "server/errors.h"

namespace server::storage {

/// A unique constraint refused a row (another writer got there first); callers may retry.
class UniqueViolation : public StorageError {
 public:
  explicit UniqueViolation(const std::string& message) : StorageError(message) {}
};

}  // namespace server::storage
