# Server test sources. Included by tests/CMakeLists.txt.
set(SERVER_TEST_SOURCES
  cli/generate_command_test.cpp
  config/config_test.cpp
  http/auth_test.cpp
  http/cities_test.cpp
  http/editing_test.cpp
  http/generate_city_test.cpp
  http/jobs_test.cpp
  http/operations_test.cpp
  http/publish_atomicity_test.cpp
  offline/embedded_catalogue_test.cpp
  offline/filter_on_real_data_test.cpp
  pipeline/pipeline_test.cpp
  process/serve_process_test.cpp
  storage/store_backends.cpp
  storage/store_contract_test.cpp
  storage/store_fixture.cpp
)
set(SERVER_TEST_SUPPORT_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/../support/server_process.cpp
)
list(TRANSFORM SERVER_TEST_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
