#include "server/storage/postgres_database.h"

#include <pqxx/pqxx>

#include "server/errors.h"
#include "server/storage/store_errors.h"
#include "server/support/clock.h"
#include "server/support/secrets.h"

namespace server::storage {
namespace {

// Type OIDs of the columns our schema uses (pg_type.dat).
constexpr pqxx::oid kBool = 16;
constexpr pqxx::oid kInt8 = 20;
constexpr pqxx::oid kInt2 = 21;
constexpr pqxx::oid kInt4 = 23;
constexpr pqxx::oid kFloat4 = 700;
constexpr pqxx::oid kFloat8 = 701;
constexpr pqxx::oid kNumeric = 1700;
constexpr pqxx::oid kTimestamp = 1114;
constexpr pqxx::oid kTimestampTz = 1184;

SqlValue value_of(const pqxx::field& field) {
  if (field.is_null()) return nullptr;
  const char* text = field.c_str();
  switch (field.type()) {
  case kBool: return static_cast<std::int64_t>(text[0] == 't' ? 1 : 0);
  case kInt2:
  case kInt4:
  case kInt8: return static_cast<std::int64_t>(std::strtoll(text, nullptr, 10));
  case kFloat4:
  case kFloat8:
  case kNumeric: return std::strtod(text, nullptr);
  case kTimestamp:
  case kTimestampTz: return PostgresDatabase::iso_from_timestamptz(text);
  default: return std::string(text, field.size());
  }
}

// libpq quotes parts of a connection string it cannot use back in its errors (`missing "=" after
// "..."`): any password the string carries is scrubbed from the message.
[[noreturn]] void rethrow_as_storage_error(const std::vector<std::string>& passwords) {
  try {
    throw;
  } catch (const pqxx::unique_violation& e) {
    throw UniqueViolation(support::scrub(std::string("postgres: ") + e.what(), passwords));
  } catch (const pqxx::broken_connection& e) {
    throw StorageError(
        support::scrub(std::string("postgres: connection lost: ") + e.what(), passwords));
  } catch (const pqxx::failure& e) {
    throw StorageError(support::scrub(std::string("postgres: ") + e.what(), passwords));
  }
}

}  // namespace

struct PostgresDatabase::Connection {
  explicit Connection(const std::string& url) : link(url) {}
  pqxx::connection link;
};

class PostgresDatabase::Session : public SqlSession {
 public:
  explicit Session(pqxx::transaction_base& transaction) : m_transaction(transaction) {}

  std::vector<SqlRow> query(const std::string& sql, const SqlRow& params) override {
    const pqxx::result result = exec(sql, params);
    std::vector<SqlRow> rows;
    rows.reserve(result.size());
    for (const pqxx::row& row : result) {
      SqlRow values;
      values.reserve(row.size());
      for (const pqxx::field& field : row) values.push_back(value_of(field));
      rows.push_back(std::move(values));
    }
    return rows;
  }

  long execute(const std::string& sql, const SqlRow& params) override {
    return static_cast<long>(exec(sql, params).affected_rows());
  }

  void execute_script(const std::string& sql) override { m_transaction.exec(sql); }

 private:
  pqxx::result exec(const std::string& sql, const SqlRow& params) {
    // Texts outlive the pointer list; a null pointer is sent as SQL NULL.
    std::vector<std::string> texts;
    texts.reserve(params.size());
    std::vector<const char*> pointers;
    pointers.reserve(params.size());
    for (const SqlValue& value : params) texts.push_back(as_text(value));
    for (std::size_t i = 0; i < params.size(); ++i)
      pointers.push_back(is_null(params[i]) ? nullptr : texts[i].c_str());
    return m_transaction.exec_params(number_placeholders(sql),
                                     pqxx::prepare::make_dynamic_params(pointers));
  }

  pqxx::transaction_base& m_transaction;
};

PostgresDatabase::PostgresDatabase(std::string url, int pool_size)
    : m_url(std::move(url)), m_passwords(support::connection_passwords(m_url)),
      m_pool_size(std::max(1, pool_size)) {}

PostgresDatabase::~PostgresDatabase() = default;

std::unique_ptr<PostgresDatabase::Connection> PostgresDatabase::borrow() {
  std::unique_lock lock(m_mutex);
  m_available.wait(lock, [&] { return !m_idle.empty() || m_open < m_pool_size; });
  if (!m_idle.empty()) {
    auto connection = std::move(m_idle.back());
    m_idle.pop_back();
    return connection;
  }
  ++m_open;
  lock.unlock();
  try {
    return std::make_unique<Connection>(m_url);
  } catch (...) {
    {
      std::lock_guard relock(m_mutex);
      --m_open;
    }
    m_available.notify_one();
    try {
      rethrow_as_storage_error(m_passwords);
    } catch (const StorageError&) {
      // The URL may hold a password: report the failure without the connection string.
      throw StorageError("postgres: cannot connect to the database named by DATABASE_URL");
    }
  }
}

void PostgresDatabase::open_connections() {
  // Borrow them all at once (each borrow opens one when none is idle), then give them back.
  std::vector<std::unique_ptr<Connection>> opened;
  try {
    for (int i = 0; i < m_pool_size; ++i) opened.push_back(borrow());
  } catch (...) {
    for (auto& connection : opened) give_back(std::move(connection));
    throw;
  }
  for (auto& connection : opened) give_back(std::move(connection));
}

void PostgresDatabase::give_back(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(m_mutex);
    if (connection && connection->link.is_open()) {
      m_idle.push_back(std::move(connection));
    } else {
      --m_open;  // a broken connection is dropped; the next borrow opens a fresh one
    }
  }
  m_available.notify_one();
}

template <class Transaction>
void PostgresDatabase::run(const std::function<void(SqlSession&)>& work) {
  std::unique_ptr<Connection> connection = borrow();
  try {
    Transaction transaction(connection->link);
    Session session(transaction);
    work(session);
    transaction.commit();
  } catch (const pqxx::failure&) {
    const bool broken = !connection->link.is_open();
    give_back(broken ? nullptr : std::move(connection));
    rethrow_as_storage_error(m_passwords);
  } catch (...) {
    give_back(std::move(connection));
    throw;
  }
  give_back(std::move(connection));
}

void PostgresDatabase::transact(const std::function<void(SqlSession&)>& work) {
  run<pqxx::work>(work);
}

void PostgresDatabase::read(const std::function<void(SqlSession&)>& work) {
  // One snapshot for the whole read: a reader during publish sees the old or the new revision.
  run<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(work);
}

std::string PostgresDatabase::number_placeholders(const std::string& sql) {
  std::string numbered;
  numbered.reserve(sql.size() + 16);
  int next = 1;
  bool quoted = false;
  for (const char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      numbered += '$' + std::to_string(next++);
    } else {
      numbered += c;
    }
  }
  return numbered;
}

std::string PostgresDatabase::iso_from_timestamptz(const std::string& text) {
  // "YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM]]"; timestamps without zone are taken as UTC.
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(),
                  "%4d-%2d-%2d %2d:%2d:%2d%n",
                  &year,
                  &month,
                  &day,
                  &hour,
                  &minute,
                  &second,
                  &consumed) < 6) {
    return text;
  }
  std::size_t pos = static_cast<std::size_t>(consumed);
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    int digits = 0;
    for (++pos; pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]));
         ++pos, ++digits) {
      if (digits < 3) millis = millis * 10 + (text[pos] - '0');
    }
    for (; digits < 3; ++digits) millis *= 10;
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    int offset_hours = 0;
    int offset_mins = 0;
    std::sscanf(text.c_str() + pos + 1, "%2d:%2d", &offset_hours, &offset_mins);
    offset_minutes = sign * (offset_hours * 60 + offset_mins);
  }
  char iso[40];
  std::snprintf(iso,
                sizeof iso,
                "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                year,
                month,
                day,
                hour,
                minute,
                second,
                millis);
  const auto local = support::from_iso8601(iso);
  return support::to_iso8601(local - std::chrono::minutes(offset_minutes));
}

}  // namespace server::storage
