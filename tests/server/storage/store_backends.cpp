#include "tests/server/storage/store_backends.h"

#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>

#include "server/storage/postgres_database.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "tests/support/temp_dir.h"

namespace narrando::testing {
namespace {

struct DirHolder {
  TempDir dir;
};

// Bases are destroyed in reverse order: the database closes before its folder goes.
class SqliteTestStore : private DirHolder, public server::storage::SqlStore {
 public:
  explicit SqliteTestStore(const server::support::Clock& clock)
      : SqlStore(std::make_unique<server::storage::SqliteDatabase>(dir.file("test.db")), 3, clock) {
  }
};

std::string random_suffix() {
  std::random_device random;
  return std::to_string(random()) + std::to_string(random());
}

// A store in a schema of its own, dropped with the store: tests never see each other's rows.
class PostgresTestStore : public server::storage::SqlStore {
 public:
  PostgresTestStore(const std::string& url,
                    const std::string& schema,
                    const server::support::Clock& clock)
      : SqlStore(
            std::make_unique<server::storage::PostgresDatabase>(with_search_path(url, schema), 4),
            3,
            clock),
        m_admin(url, 1), m_schema(schema) {}
  ~PostgresTestStore() override {
    try {
      m_admin.transact([&](server::storage::SqlSession& s) {
        s.execute_script("DROP SCHEMA " + m_schema + " CASCADE");
      });
    } catch (const std::exception&) {}
  }

  static std::string with_search_path(const std::string& url, const std::string& schema) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema;
  }

 private:
  server::storage::PostgresDatabase m_admin;
  std::string m_schema;
};

}  // namespace

std::string test_database_url() {
  const char* url = std::getenv("NARRANDO_TEST_DATABASE_URL");
  return url ? url : "";
}

bool postgres_required() {
  const char* required = std::getenv("NARRANDO_REQUIRE_POSTGRES");
  return required != nullptr && std::string(required) == "1";
}

std::unique_ptr<server::storage::Store>
open_postgres_test_store(const server::support::Clock& clock) {
  const std::string url = test_database_url();
  if (url.empty()) {
    throw std::runtime_error(
        "NARRANDO_TEST_DATABASE_URL is not set (scripts/run-tests.sh starts a PostgreSQL)");
  }
  const std::string schema = "test_" + random_suffix();
  server::storage::PostgresDatabase admin(url, 1);
  admin.transact(
      [&](server::storage::SqlSession& s) { s.execute_script("CREATE SCHEMA " + schema); });
  auto store = std::make_unique<PostgresTestStore>(url, schema, clock);
  store->migrate();
  return store;
}

PostgresSchema::PostgresSchema() : m_name("test_" + random_suffix()) {
  const std::string base = test_database_url();
  if (base.empty()) throw std::runtime_error("NARRANDO_TEST_DATABASE_URL is not set");
  server::storage::PostgresDatabase admin(base, 1);
  admin.transact(
      [&](server::storage::SqlSession& s) { s.execute_script("CREATE SCHEMA " + m_name); });
}

PostgresSchema::~PostgresSchema() {
  try {
    server::storage::PostgresDatabase admin(test_database_url(), 1);
    admin.transact([&](server::storage::SqlSession& s) {
      s.execute_script("DROP SCHEMA " + m_name + " CASCADE");
    });
  } catch (const std::exception&) {}
}

std::string PostgresSchema::url() const {
  return PostgresTestStore::with_search_path(test_database_url(), m_name);
}

std::vector<StoreBackend> store_backends() {
  std::vector<StoreBackend> backends{{"sqlite", [](const server::support::Clock& clock) {
                                        auto store = std::make_unique<SqliteTestStore>(clock);
                                        store->migrate();
                                        return std::unique_ptr<server::storage::Store>(
                                            std::move(store));
                                      }}};
  // Where PostgreSQL is required (CI), a missing server makes these tests fail rather than vanish.
  if (!test_database_url().empty() || postgres_required()) {
    backends.push_back({"postgres", [](const server::support::Clock& clock) {
                          return open_postgres_test_store(clock);
                        }});
  }
  return backends;
}

}  // namespace narrando::testing
