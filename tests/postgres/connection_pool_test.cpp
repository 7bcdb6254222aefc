// The PostgreSQL pool opens its connections ahead of requests (serve does it at start), and
// reads then reuse them instead of opening more.
#include <gtest/gtest.h>

#include "server/storage/postgres_database.h"
#include "server/storage/sql_value.h"
#include "tests/postgres/postgres_test_support.h"

namespace {

using server::storage::PostgresDatabase;
using server::storage::SqlSession;

// Connections to the server whose application_name is `name`, as PostgreSQL counts them.
long connections_named(const std::string& url, const std::string& name) {
  PostgresDatabase observer(url, 1);
  long count = -1;
  observer.read([&](SqlSession& s) {
    const auto rows =
        s.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", {name});
    count = static_cast<long>(server::storage::as_int(rows.at(0).at(0)));
  });
  return count;
}

TEST(PostgresPool, OpensEveryConnectionAheadAndReusesThem) {
  NARRANDO_REQUIRE_POSTGRES_OR_SKIP();
  narrando::testing::PostgresSchema schema;
  const std::string name = "pool_" + schema.name();
  const std::string url = schema.url() + (schema.url().find('?') == std::string::npos ? "?" : "&") +
                          "application_name=" + name;
  PostgresDatabase database(url, 4);
  EXPECT_EQ(connections_named(schema.url(), name), 0);
  database.open_connections();
  EXPECT_EQ(connections_named(schema.url(), name), 4);
  for (int i = 0; i < 10; ++i) database.read([](SqlSession& s) { s.query("SELECT 1"); });
  EXPECT_EQ(connections_named(schema.url(), name), 4);
}

}  // namespace
