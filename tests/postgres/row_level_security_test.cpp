// Row Level Security as Supabase's Data API roles see it: anon and authenticated read published
// content only (through the published revision) and nothing else. The checks run on a connection
// of their own, made the way Supabase's Data API makes them: it logs in as a role without
// privileges of its own (Supabase's `authenticator`: LOGIN NOINHERIT, member of anon and
// authenticated) and switches to anon or authenticated for each request.
#include <gtest/gtest.h>

#include "server/errors.h"
#include "server/storage/postgres_database.h"
#include "server/storage/sql_store.h"
#include "tests/postgres/postgres_test_support.h"
#include "tests/server/storage/store_fixture.h"

namespace {

using namespace narrando::testing;
using server::storage::PostgresDatabase;
using server::storage::SqlSession;

class RowLevelSecurity : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    NARRANDO_REQUIRE_POSTGRES_OR_SKIP();
    schema = std::make_unique<PostgresSchema>();
    store = std::make_unique<server::storage::SqlStore>(
        std::make_unique<PostgresDatabase>(schema->url(), 2));
    store->migrate();
    published_city = save("geonames:2735943", true);
    store->edit_draft(published_city,
                      [](core::model::Revision& r) { r.attractions[0].editor.name = "DRAFT"; });
    draft_city = save("geonames:2993458", false);
    admin = std::make_unique<PostgresDatabase>(schema->url(), 1);
    admin->transact([&](SqlSession& s) {
      s.execute_script("GRANT USAGE ON SCHEMA " + schema->name() + " TO anon, authenticated");
      // Roles are cluster-wide and the test suites run in parallel: one creator at a time.
      s.execute_script("SELECT pg_advisory_xact_lock(727274)");
      s.execute_script("DO $$ BEGIN "
                       "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                       "'narrando_test_authenticator') THEN "
                       "CREATE ROLE narrando_test_authenticator LOGIN NOINHERIT PASSWORD 'probe'; "
                       "END IF; END $$");
      s.execute_script("GRANT anon, authenticated TO narrando_test_authenticator");
    });
    authenticator = std::make_unique<PostgresDatabase>(
        as_user(schema->url(), "narrando_test_authenticator:probe"), 1);
  }

  // `url` with its user (and password) replaced by `credentials`.
  static std::string as_user(const std::string& url, const std::string& credentials) {
    const std::size_t scheme = url.find("://");
    const std::size_t at = url.find('@', scheme + 3);
    const std::size_t host = at == std::string::npos ? scheme + 3 : at + 1;
    return url.substr(0, scheme + 3) + credentials + "@" + url.substr(host);
  }

  std::string save(const std::string& place, bool publish) {
    const auto queued = store->enqueue_job(place, {}, "");
    const auto job = store->claim_specific_job(queued.job.id, "w", std::chrono::seconds(30));
    auto sample = sample_generation(place);
    return store->save_generation(sample.city, sample.revision, sample.trace, *job, "w", publish)
        .city_id;
  }

  // Runs `sql` on the authenticator's own connection as the role under test, in its own
  // transaction, as the Data API does for a request.
  std::vector<server::storage::SqlRow> as_role(const std::string& sql) {
    std::vector<server::storage::SqlRow> rows;
    authenticator->transact([&](SqlSession& s) {
      s.execute_script("SET LOCAL ROLE " + GetParam());
      rows = s.query(sql);
    });
    return rows;
  }

  std::unique_ptr<PostgresSchema> schema;
  std::unique_ptr<server::storage::SqlStore> store;
  std::unique_ptr<PostgresDatabase> admin;
  std::unique_ptr<PostgresDatabase> authenticator;
  std::string published_city;
  std::string draft_city;
};

TEST_P(RowLevelSecurity, EveryTableHasRowLevelSecurityOn) {
  std::vector<server::storage::SqlRow> rows;
  admin->transact([&](SqlSession& s) {
    rows =
        s.query("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT c.relrowsecurity");
  });
  EXPECT_TRUE(rows.empty()) << "a table without RLS: " << server::storage::as_text(rows.front()[0]);
}

TEST_P(RowLevelSecurity, SeesOnlyPublishedCitiesAndRevisions) {
  const auto cities = as_role("SELECT id FROM cities");
  ASSERT_EQ(cities.size(), 1u) << "the draft-only city must be invisible";
  EXPECT_EQ(server::storage::as_text(cities[0][0]), published_city);
  const auto revisions = as_role("SELECT city_id, number, status FROM revisions");
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(server::storage::as_int(revisions[0][1]), 1);
  EXPECT_EQ(server::storage::as_text(revisions[0][2]), "published");
}

TEST_P(RowLevelSecurity, SeesOnlyThePublishedRevisionsContent) {
  for (const char* table : {"attractions", "tours", "tour_stops"}) {
    const auto rows = as_role(std::string("SELECT city_id, revision FROM ") + table);
    EXPECT_FALSE(rows.empty()) << table;
    for (const auto& row : rows) {
      EXPECT_EQ(server::storage::as_text(row[0]), published_city) << table;
      EXPECT_EQ(server::storage::as_int(row[1]), 1) << table;
    }
  }
  EXPECT_TRUE(as_role("SELECT 1 FROM attractions WHERE name = 'DRAFT'").empty());
}

TEST_P(RowLevelSecurity, CannotReadJobsRunsOrWriteAnything) {
  for (const char* sql :
       {"SELECT * FROM jobs",
        "SELECT * FROM runs",
        "SELECT * FROM schema_migrations",
        "INSERT INTO cities (id, place_id, name, centre_lat, centre_lon, viewport_south, "
        "viewport_west, viewport_north, viewport_east, source, created_at, updated_at) VALUES "
        "(gen_random_uuid(), 'x', 'x', 0, 0, 0, 0, 0, 0, 'x', now(), now())",
        "UPDATE cities SET name = 'hacked'",
        "DELETE FROM tours"}) {
    EXPECT_THROW(as_role(sql), server::StorageError) << sql;
  }
}

TEST_P(RowLevelSecurity, ChecksRunOnAConnectionThatIsNotTheOwners) {
  std::vector<server::storage::SqlRow> rows;
  authenticator->transact([&](SqlSession& s) {
    s.execute_script("SET LOCAL ROLE " + GetParam());
    rows = s.query("SELECT session_user, current_user");
  });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(server::storage::as_text(rows[0][0]), "narrando_test_authenticator");
  EXPECT_EQ(server::storage::as_text(rows[0][1]), GetParam());
}

TEST_P(RowLevelSecurity, TheLoginRoleAloneReadsNothing) {
  // NOINHERIT: without switching to anon or authenticated it has no privileges at all.
  std::vector<server::storage::SqlRow> rows;
  EXPECT_THROW(
      authenticator->transact([&](SqlSession& s) { rows = s.query("SELECT id FROM cities"); }),
      server::StorageError);
}

TEST_P(RowLevelSecurity, ReadsThePublishedColumnsOfACityButNotItsDraftNumber) {
  const auto cities = as_role("SELECT id, name, published_revision FROM cities");
  ASSERT_EQ(cities.size(), 1u);
  EXPECT_EQ(server::storage::as_int(cities[0][2]), 1);
  EXPECT_THROW(as_role("SELECT draft_revision FROM cities"), server::StorageError);
  EXPECT_THROW(as_role("SELECT * FROM cities"), server::StorageError);
}

INSTANTIATE_TEST_SUITE_P(SupabaseRoles,
                         RowLevelSecurity,
                         ::testing::Values("anon", "authenticated"));

}  // namespace
