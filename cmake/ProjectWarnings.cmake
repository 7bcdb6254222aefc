# Compile flags live on an INTERFACE target, not on global CMAKE_CXX_FLAGS (style.md §2).
add_library(project_warnings INTERFACE)
target_compile_options(project_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wdouble-promotion
  -Wformat=2 -Wimplicit-fallthrough)
# Not -Wnull-dereference: with GCC 12 at -O2 it fires inside inlined std::vector and nlohmann::json
# code on paths that cannot happen, and a -Werror build cannot suppress warnings in those headers.
if(NARRANDO_WERROR)
  target_compile_options(project_warnings INTERFACE -Werror)
endif()

add_library(project_options INTERFACE)
if(NARRANDO_SANITIZE AND NARRANDO_TSAN)
  message(FATAL_ERROR "NARRANDO_SANITIZE and NARRANDO_TSAN cannot be combined: build them in separate folders")
endif()
if(NARRANDO_SANITIZE)
  # -fno-sanitize-recover: a finding fails the test that hit it, not just a line in its output.
  target_compile_options(project_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                         -fno-omit-frame-pointer)
  target_link_options(project_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all)
endif()
if(NARRANDO_TSAN)
  target_compile_options(project_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(project_options INTERFACE -fsanitize=thread)
endif()
