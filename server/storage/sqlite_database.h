#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/storage/sql_database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace server::storage {

/// SqlDatabase over one SQLite file (WAL journal, foreign keys on). One connection serialised
/// by a mutex: SQLite has one writer anyway, and reads take microseconds.
class SqliteDatabase : public SqlDatabase {
 public:
  /// Opens or creates `path` (":memory:" for a private in-memory database). Throws StorageError.
  explicit SqliteDatabase(const std::string& path);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  std::string backend() const override { return "sqlite"; }
  void transact(const std::function<void(SqlSession&)>& work) override;
  void read(const std::function<void(SqlSession&)>& work) override;
  // BEGIN IMMEDIATE already serialises writers: no row locks needed.
  std::string for_update_clause() const override { return ""; }
  std::string migration_lock_statement() const override { return ""; }
  std::string skip_locked_clause() const override { return ""; }

 private:
  class Session;
  void run(const char* begin, const std::function<void(SqlSession&)>& work);

  std::mutex m_mutex;
  sqlite3* m_db = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> m_statements;  // prepared once, reused
};

}  // namespace server::storage
