# libFuzzer targets for the parsers (docs/fuzzing.md): tests/fuzz/fuzz_<target>.cpp, one per parser.
# The normal build replays their corpus and crashers as tests (tests/fuzz/CMakeLists.txt); with
# ALUEVERKKO_FUZZ they are also built as fuzzers by clang with -fsanitize=fuzzer,address,undefined.
file(GLOB ALUEVERKKO_FUZZ_TARGET_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)

# The parsers and what they call: all the targets reach. The fuzzers and the sanitized replay
# (tests/fuzz/CMakeLists.txt) build only these, not the maps, reports or Graphviz code.
set(ALUEVERKKO_FUZZ_PARSER_SOURCES
  core/csv.cpp core/diagnostics.cpp core/fields.cpp core/json_document.cpp core/row_reader.cpp core/text.cpp
  data/call_rules.cpp data/dataset.cpp data/load_dataset.cpp data/model.cpp data/name_key.cpp
  geo/find_geography.cpp geo/geography.cpp geo/geometry.cpp geo/load_geography.cpp geo/topojson.cpp
  graph/two_mode.cpp graph/weighted_graph.cpp
  io/place_values.cpp io/plain_lists.cpp)
list(TRANSFORM ALUEVERKKO_FUZZ_PARSER_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/src/)
if(NOT ALUEVERKKO_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "ALUEVERKKO_FUZZ needs clang for libFuzzer (Debian package clang-14): "
                      "cmake --preset fuzz, or -DCMAKE_CXX_COMPILER=clang++-14")
endif()

set(ALUEVERKKO_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)

add_library(alueverkko_fuzz_parsers STATIC ${ALUEVERKKO_FUZZ_PARSER_SOURCES})
target_include_directories(alueverkko_fuzz_parsers PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/include)
target_link_libraries(alueverkko_fuzz_parsers PUBLIC Boost::headers Eigen3::Eigen OpenMP::OpenMP_CXX PRIVATE nlohmann_json::nlohmann_json)
target_compile_options(alueverkko_fuzz_parsers PRIVATE ${ALUEVERKKO_FUZZ_SANITIZERS} -fsanitize=fuzzer-no-link)
alueverkko_set_warnings(alueverkko_fuzz_parsers)

# `cmake --build --preset fuzz` builds this target: the fuzzers, not the whole library.
add_custom_target(fuzzers)
foreach(source IN LISTS ALUEVERKKO_FUZZ_TARGET_SOURCES)
  get_filename_component(fuzzer ${source} NAME_WE)
  add_executable(${fuzzer} ${source})
  target_link_libraries(${fuzzer} PRIVATE alueverkko_fuzz_parsers)
  target_compile_definitions(${fuzzer} PRIVATE ALUEVERKKO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_compile_options(${fuzzer} PRIVATE ${ALUEVERKKO_FUZZ_SANITIZERS} -fsanitize=fuzzer)
  target_link_options(${fuzzer} PRIVATE -fsanitize=fuzzer,address,undefined)
  alueverkko_set_warnings(${fuzzer})
  add_dependencies(fuzzers ${fuzzer})
endforeach()
