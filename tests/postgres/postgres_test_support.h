#pragma once

#include <gtest/gtest.h>

#include "tests/server/storage/store_backends.h"

/// Skips a PostgreSQL test where no server is configured, but fails it where one is required (CI).
#define NARRANDO_REQUIRE_POSTGRES_OR_SKIP()                                                        \
  do {                                                                                             \
    if (narrando::testing::test_database_url().empty()) {                                          \
      if (narrando::testing::postgres_required())                                                  \
        FAIL() << "NARRANDO_REQUIRE_POSTGRES=1 but no database";                                   \
      GTEST_SKIP() << "no NARRANDO_TEST_DATABASE_URL";                                             \
    }                                                                                              \
  } while (false)
