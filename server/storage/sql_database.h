#pragma once

#include <functional>
#include <string>
#include <vector>

#include "server/storage/sql_value.h"

namespace server::storage {

/// One connection inside a transaction. SQL uses `?` placeholders on every backend.
class SqlSession {
 public:
  virtual ~SqlSession() = default;
  /// Runs a statement and returns its rows (timestamps as ISO 8601 UTC text).
  virtual std::vector<SqlRow> query(const std::string& sql, const SqlRow& params = {}) = 0;
  /// Runs a statement and returns the number of rows it changed.
  virtual long execute(const std::string& sql, const SqlRow& params = {}) = 0;
  /// Runs a script of several statements without parameters (migrations).
  virtual void execute_script(const std::string& sql) = 0;
};

/// A database engine behind SqlStore: SQLite or PostgreSQL. Thread-safe.
class SqlDatabase {
 public:
  virtual ~SqlDatabase() = default;
  /// "sqlite" or "postgres": also the folder of its migrations.
  virtual std::string backend() const = 0;
  /// Runs `work` in one transaction: committed when it returns, rolled back when it throws
  /// (the exception propagates). Database failures throw server::StorageError.
  virtual void transact(const std::function<void(SqlSession&)>& work) = 0;
  /// Runs read-only `work` (one consistent snapshot where the engine gives one).
  virtual void read(const std::function<void(SqlSession&)>& work) = 0;
  /// Appended to a SELECT to lock its rows until commit (empty where transactions serialise).
  virtual std::string for_update_clause() const = 0;
  /// A statement that serialises migrations between instances until the transaction ends
  /// (empty where transactions already serialise).
  virtual std::string migration_lock_statement() const = 0;
  /// Appended to a SELECT to lock its rows and skip rows other transactions hold.
  virtual std::string skip_locked_clause() const = 0;
  /// Opens every connection the database may keep, so that a burst of requests does not wait
  /// for them to be opened all at once; throws server::StorageError. A no-op where there is one.
  virtual void open_connections() {}
};

}  // namespace server::storage
