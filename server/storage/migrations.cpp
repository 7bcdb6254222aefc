#include "server/storage/migrations.h"

#include <cstddef>
#include <stdexcept>

// Compiled in by embed_file() in server/CMakeLists.txt.
extern const unsigned char narrando_sql_sqlite_0001[];
extern const std::size_t narrando_sql_sqlite_0001_size;
extern const unsigned char narrando_sql_sqlite_0002[];
extern const std::size_t narrando_sql_sqlite_0002_size;
extern const unsigned char narrando_sql_postgres_0001[];
extern const std::size_t narrando_sql_postgres_0001_size;
extern const unsigned char narrando_sql_postgres_0002[];
extern const std::size_t narrando_sql_postgres_0002_size;
extern const unsigned char narrando_sql_postgres_0003[];
extern const std::size_t narrando_sql_postgres_0003_size;

namespace server::storage {
namespace {

std::string text_of(const unsigned char* bytes, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(bytes), size);
}

}  // namespace

std::vector<Migration> migrations_for(const std::string& backend) {
  if (backend == "sqlite") {
    return {
        {1, "0001_initial.sql", text_of(narrando_sql_sqlite_0001, narrando_sql_sqlite_0001_size)},
        {2,
         "0002_run_origin.sql",
         text_of(narrando_sql_sqlite_0002, narrando_sql_sqlite_0002_size)}};
  }
  if (backend == "postgres") {
    return {{1,
             "0001_initial.sql",
             text_of(narrando_sql_postgres_0001, narrando_sql_postgres_0001_size)},
            {2,
             "0002_public_city_columns.sql",
             text_of(narrando_sql_postgres_0002, narrando_sql_postgres_0002_size)},
            {3,
             "0003_run_origin.sql",
             text_of(narrando_sql_postgres_0003, narrando_sql_postgres_0003_size)}};
  }
  throw std::invalid_argument("no migrations for backend " + backend);
}

}  // namespace server::storage
