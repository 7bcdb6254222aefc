# PostgreSQL-only tests (label db): RLS as Supabase's roles, instances sharing the job queue.
set(POSTGRES_TEST_SOURCES
  connection_pool_test.cpp
  http_input_test.cpp
  lease_takeover_test.cpp
  row_level_security_test.cpp
  shared_queue_test.cpp
)
list(TRANSFORM POSTGRES_TEST_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
