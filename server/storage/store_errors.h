#pragma once

#include <string>

#include "server/errors.h"

namespace server::storage {

/// A unique constraint refused a row (another writer got there first); callers may retry.
class UniqueViolation : public StorageError {
 public:
  explicit UniqueViolation(const std::string& message) : StorageError(message) {}
};

/// A row holds what this version cannot read (an unknown name in an enum column, JSON of the
/// wrong shape): never silently read as a default. HTTP 500, logged.
class CorruptRowError : public core::Error {
 public:
  explicit CorruptRowError(const std::string& message) : core::Error("corrupt_row", message) {}
};

}  // namespace server::storage
