# Planner sources, listed explicitly (style.md §2). Included by shared/CMakeLists.txt.
set(PLANNER_SOURCES
  insertion.cpp
  instance.cpp
  local_search.cpp
  neighbours.cpp
  relocate_move.cpp
  replace_move.cpp
  report.cpp
  route_opt.cpp
  route_pool.cpp
  ruin.cpp
  set_packing.cpp
  solver.cpp
  swap_move.cpp
  top_search.cpp
  top_state.cpp
  top_state_check.cpp
  tsp.cpp
  tsp_construct.cpp
  tsp_local_search.cpp
  tsp_or_opt.cpp
  tsp_tour.cpp
  validate.cpp
)
list(TRANSFORM PLANNER_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
