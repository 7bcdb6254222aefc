#include "server/storage/sqlite_database.h"

#include <sqlite3.h>

#include "server/errors.h"
#include "server/storage/store_errors.h"

namespace server::storage {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  const int code = sqlite3_extended_errcode(db);
  const std::string message = "sqlite: " + what + ": " + sqlite3_errmsg(db);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    throw UniqueViolation(message);
  throw StorageError(message);
}

void bind_all(sqlite3* db, sqlite3_stmt* statement, const SqlRow& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    int rc = SQLITE_OK;
    if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* real = std::get_if<double>(&params[i])) {
      rc = sqlite3_bind_double(statement, index, *real);
    } else if (const auto* text = std::get_if<std::string>(&params[i])) {
      rc = sqlite3_bind_text(
          statement, index, text->data(), static_cast<int>(text->size()), SQLITE_TRANSIENT);
    } else {
      rc = sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) fail(db, "bind");
  }
}

SqlValue column_value(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
  case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
  case SQLITE_FLOAT: return sqlite3_column_double(statement, column);
  case SQLITE_NULL: return nullptr;
  default: {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
  }
  }
}

}  // namespace

class SqliteDatabase::Session : public SqlSession {
 public:
  explicit Session(SqliteDatabase& owner) : m_owner(owner) {}

  std::vector<SqlRow> query(const std::string& sql, const SqlRow& params) override {
    sqlite3_stmt* statement = prepare(sql);
    bind_all(m_owner.m_db, statement, params);
    std::vector<SqlRow> rows;
    const int columns = sqlite3_column_count(statement);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      SqlRow row;
      row.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) row.push_back(column_value(statement, c));
      rows.push_back(std::move(row));
    }
    finish(statement, rc);
    return rows;
  }

  long execute(const std::string& sql, const SqlRow& params) override {
    sqlite3_stmt* statement = prepare(sql);
    bind_all(m_owner.m_db, statement, params);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {}
    finish(statement, rc);
    return sqlite3_changes(m_owner.m_db);
  }

  void execute_script(const std::string& sql) override {
    char* error = nullptr;
    if (sqlite3_exec(m_owner.m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw StorageError("sqlite: script failed: " + message);
    }
  }

 private:
  sqlite3_stmt* prepare(const std::string& sql) {
    auto& cached = m_owner.m_statements[sql];
    if (cached == nullptr &&
        sqlite3_prepare_v2(
            m_owner.m_db, sql.c_str(), static_cast<int>(sql.size()), &cached, nullptr) !=
            SQLITE_OK) {
      m_owner.m_statements.erase(sql);
      fail(m_owner.m_db, "prepare");
    }
    return cached;
  }

  void finish(sqlite3_stmt* statement, int rc) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (rc != SQLITE_DONE) fail(m_owner.m_db, "step");
  }

  SqliteDatabase& m_owner;
};

SqliteDatabase::SqliteDatabase(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
    const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    m_db = nullptr;
    throw StorageError("sqlite: cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(m_db, 10000);  // the CLI and a server may share the file
  Session session(*this);
  session.execute_script(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [sql, statement] : m_statements) sqlite3_finalize(statement);
  sqlite3_close(m_db);
}

void SqliteDatabase::run(const char* begin, const std::function<void(SqlSession&)>& work) {
  std::lock_guard lock(m_mutex);
  Session session(*this);
  session.execute_script(begin);
  try {
    work(session);
    session.execute_script("COMMIT");
  } catch (...) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SqliteDatabase::transact(const std::function<void(SqlSession&)>& work) {
  // IMMEDIATE takes the write lock up front: check-then-write sequences cannot interleave.
  run("BEGIN IMMEDIATE", work);
}

void SqliteDatabase::read(const std::function<void(SqlSession&)>& work) {
  run("BEGIN", work);
}

}  // namespace server::storage
