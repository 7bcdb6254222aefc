// Rows are read through the vocabulary's name tables: a name this version does not know is an
// error naming the column, never a silent default.
#include "server/storage/store_rows.h"

#include <gtest/gtest.h>

#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "tests/server/storage/store_fixture.h"
#include "tests/support/temp_dir.h"

namespace {

using server::storage::CorruptRowError;

// A migrated SQLite store, and a second connection to the same file to write rows by hand.
struct RawRows : ::testing::Test {
  narrando::testing::TempDir dir;
  server::storage::SqlStore store{
      std::make_unique<server::storage::SqliteDatabase>(dir.file("rows.db"))};
  server::storage::SqliteDatabase raw{dir.file("rows.db")};

  void SetUp() override { store.migrate(); }
  void execute(const std::string& sql) {
    raw.transact([&](server::storage::SqlSession& session) { session.execute(sql, {}); });
  }
};

std::string message_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const CorruptRowError& e) {
    EXPECT_EQ(e.code(), "corrupt_row");
    return e.what();
  }
  return "read without an error";
}

TEST_F(RawRows, AnUnknownStageOfAJobIsAnError) {
  const auto queued = store.enqueue_job("geonames:2735943", {}, "");
  execute("UPDATE jobs SET stage = 'enrich'");
  EXPECT_EQ(message_of([&] { store.find_job(queued.job.id); }),
            "jobs.stage holds an unknown stage \"enrich\"");
  execute("UPDATE jobs SET stage = ''");
  EXPECT_EQ(store.find_job(queued.job.id)->stage, std::nullopt) << "empty: no stage started yet";
}

TEST_F(RawRows, UnknownSourcesOriginsAndDecidersAreErrors) {
  auto sample = narrando::testing::sample_generation("geonames:2735943");
  store.enqueue_job("geonames:2735943", {}, "");
  const auto job = store.claim_job("w", std::chrono::seconds(30));
  const std::string city =
      store.save_generation(sample.city, sample.revision, sample.trace, *job, "w", true).city_id;
  ASSERT_TRUE(store.load_revision(city, 1));

  execute("UPDATE cities SET source = 'osm'");
  EXPECT_EQ(message_of([&] { store.find_city(city); }),
            "cities.source holds an unknown place source \"osm\"");
  execute("UPDATE cities SET source = 'embedded'");

  execute("UPDATE revisions SET origin = 'import'");
  EXPECT_EQ(message_of([&] { store.load_revision(city, 1); }),
            "revisions.origin holds an unknown revision origin \"import\"");
  execute("UPDATE revisions SET origin = 'generation'");

  execute("UPDATE attractions SET decided_by = 'Heuristic'");
  EXPECT_EQ(message_of([&] { store.load_revision(city, 1); }),
            "attractions.decided_by holds an unknown decider \"Heuristic\"");
}

TEST_F(RawRows, JsonColumnsWithUnknownNamesAreErrorsToo) {
  const auto queued = store.enqueue_job("geonames:2735943", {}, "");
  execute(R"(UPDATE jobs SET stages = '[{"stage": "enrich", "seconds": 1}]')");
  const std::string message = message_of([&] { store.find_job(queued.job.id); });
  EXPECT_NE(message.find("jobs.stages holds JSON this server cannot read"), std::string::npos)
      << message;
  EXPECT_NE(message.find("\"enrich\""), std::string::npos) << message;
}

}  // namespace
