#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/storage/sql_database.h"

namespace server::storage {

/// SqlDatabase over PostgreSQL (Supabase included) with libpqxx: a small pool of connections,
/// unnamed statements only (Supabase's transaction pooler refuses named prepared statements),
/// no session state (no SET), the connection URL passed to libpq unchanged (sslmode and all).
class PostgresDatabase : public SqlDatabase {
 public:
  /// Connects lazily: the first transaction opens the first connection. `pool_size` >= 1.
  PostgresDatabase(std::string url, int pool_size);
  ~PostgresDatabase() override;
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  std::string backend() const override { return "postgres"; }
  void transact(const std::function<void(SqlSession&)>& work) override;
  void read(const std::function<void(SqlSession&)>& work) override;
  std::string for_update_clause() const override { return " FOR UPDATE"; }
  // Transaction-scoped, so it also works through Supabase's transaction pooler.
  std::string migration_lock_statement() const override {
    return "SELECT pg_advisory_xact_lock(7061647)";
  }
  std::string skip_locked_clause() const override { return " FOR UPDATE SKIP LOCKED"; }
  void open_connections() override;

  /// `sql` with its `?` placeholders (outside quotes) numbered $1, $2, ... for libpq.
  static std::string number_placeholders(const std::string& sql);
  /// A PostgreSQL timestamptz text ("2026-11-25 10:08:47.442+00", any offset) as ISO 8601 UTC
  /// with milliseconds ("2026-11-25T10:08:47.442Z").
  static std::string iso_from_timestamptz(const std::string& text);

 private:
  class Session;
  struct Connection;  // wraps pqxx::connection, which is an alias that cannot be forward-declared
  std::unique_ptr<Connection> borrow();
  void give_back(std::unique_ptr<Connection> connection);
  template <class Transaction>
  void run(const std::function<void(SqlSession&)>& work);

  std::string m_url;
  std::vector<std::string> m_passwords;  // scrubbed from error messages
  int m_pool_size;
  int m_open = 0;
  std::mutex m_mutex;
  std::condition_variable m_available;
  std::vector<std::unique_ptr<Connection>> m_idle;
};

}  // namespace server::storage
