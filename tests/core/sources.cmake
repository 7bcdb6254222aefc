# Core (shared/) test sources. Included by tests/CMakeLists.txt.
set(CORE_TEST_SOURCES
  algo/geo_test.cpp
  algo/heuristic_filter_test.cpp
  algo/name_similarity_test.cpp
  algo/polyline_test.cpp
  algo/tour_planning_test.cpp
  json/json_reader_test.cpp
  json/model_json_test.cpp
  model/attraction_test.cpp
  routing/foot_profile_test.cpp
  routing/graph_builder_test.cpp
  routing/graph_codec_test.cpp
  routing/router_brute_force_test.cpp
  routing/router_test.cpp
)
list(TRANSFORM CORE_TEST_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
