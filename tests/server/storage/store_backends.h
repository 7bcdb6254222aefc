#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tests/server/storage/store_fixture.h"

namespace narrando::testing {

/// The backends the contract suite runs on: SQLite always; PostgreSQL when
/// NARRANDO_TEST_DATABASE_URL is set or NARRANDO_REQUIRE_POSTGRES=1 (then a missing server fails).
std::vector<StoreBackend> store_backends();

/// NARRANDO_TEST_DATABASE_URL, or empty.
std::string test_database_url();

/// True when NARRANDO_REQUIRE_POSTGRES=1: PostgreSQL tests must run, never skip.
bool postgres_required();

/// A migrated PostgreSQL store in a fresh schema (dropped with it), stamping with `clock`. Throws
/// without a server.
std::unique_ptr<server::storage::Store>
open_postgres_test_store(const server::support::Clock& clock = server::support::system_clock());

/// A fresh schema in the test PostgreSQL, dropped on destruction. Throws without a server.
class PostgresSchema {
 public:
  PostgresSchema();
  ~PostgresSchema();
  PostgresSchema(const PostgresSchema&) = delete;
  PostgresSchema& operator=(const PostgresSchema&) = delete;

  /// The schema's name.
  const std::string& name() const { return m_name; }
  /// A DATABASE_URL whose connections work in this schema (search_path set by libpq options).
  std::string url() const;

 private:
  std::string m_name;
};

}  // namespace narrando::testing
