# Console test sources. Included by tests/CMakeLists.txt when NARRANDO_BUILD_CONSOLE is on.
# console_tests: console_core only (state, net, map geometry), no GL; loopback fakes for HTTP.
set(CONSOLE_TEST_SOURCES
  draw/basemap_scene_test.cpp
  draw/map_focus_test.cpp
  draw/map_overlays_test.cpp
  draw/map_scene_test.cpp
  draw/map_transform_test.cpp
  net/api_worker_test.cpp
  net/cache_policy_test.cpp
  net/http_url_test.cpp
  net/wire_mapping_test.cpp
  net/settings_file_test.cpp
  net/sse_parser_test.cpp
  net/tile_cache_test.cpp
  net/tile_fetcher_test.cpp
  state/app_state_test.cpp
  state/attraction_draft_test.cpp
  state/city_status_test.cpp
  state/city_summary_test.cpp
  state/edit_history_test.cpp
  state/job_progress_test.cpp
  state/launch_options_test.cpp
  state/replay_timeline_test.cpp
  state/run_compare_test.cpp
  state/settings_session_test.cpp
  state/settings_test.cpp
  state/shortcuts_test.cpp
  state/tour_draft_test.cpp
)
list(TRANSFORM CONSOLE_TEST_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
# console_gui_tests: the real server and the real console under X (Xvfb), screenshots checked.
set(CONSOLE_GUI_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/gui/console_api_contract_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gui/console_screenshot_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../support/server_process.cpp
)
