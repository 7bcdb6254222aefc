# Planner test sources. Included by tests/CMakeLists.txt.
set(PLANNER_TEST_SOURCES
  moves_test.cpp
  planner_test_check.cpp
  planner_test_util.cpp
  route_pool_test.cpp
  solver_test.cpp
  top_state_test.cpp
  top_instances_test.cpp
  tsp_test.cpp
)
list(TRANSFORM PLANNER_TEST_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
