# Planner test sources. Included by tests/CMakeLists.txt.
set(PLANNER_TEST_SOURCES
  solver_test.cpp
)
list(TRANSFORM PLANNER_TEST_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
