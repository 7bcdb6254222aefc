# Core (shared/) test sources. Included by tests/CMakeLists.txt.
set(CORE_TEST_SOURCES
  algo/budget_repair_test.cpp
  algo/geo_test.cpp
  algo/heuristic_filter_test.cpp
  algo/name_similarity_test.cpp
  algo/place_names_test.cpp
  algo/polyline_test.cpp
  algo/sight_merge_test.cpp
  algo/sight_names_test.cpp
  algo/stop_description_test.cpp
  algo/stop_value_test.cpp
  algo/tag_rules_test.cpp
  algo/tour_planning_test.cpp
  algo/tour_shape_test.cpp
  algo/tour_titles_test.cpp
  json/json_reader_test.cpp
  json/model_json_test.cpp
  model/attraction_test.cpp
  model/enum_names_test.cpp
  model/languages_test.cpp
  routing/foot_profile_test.cpp
  routing/graph_builder_test.cpp
  routing/graph_codec_test.cpp
  routing/router_brute_force_test.cpp
  routing/router_test.cpp
)
list(TRANSFORM CORE_TEST_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
