# The fuzz build (COUNTERFOIL_FUZZ=ON, scripts/fuzz.sh): the libraries the harnesses need,
# built with -fsanitize=fuzzer-no-link,address,undefined, and one libFuzzer binary per
# tests/fuzz/<name>_fuzz.cpp. Included by the top-level CMakeLists.txt, which stops after it.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
  message(FATAL_ERROR "COUNTERFOIL_FUZZ needs clang 16 or later (docs/SECURITY.md, Fuzzing); "
                      "configure with -DCMAKE_CXX_COMPILER=clang++-16")
endif()

# libstdc++ 12 offers <expected> only when __cpp_concepts >= 202002L. Clang 16 implements
# what that test stands for (P0848, conditionally trivial special members) but still
# reports 201907L, so the build states the value itself. Clang 14 and 15 lack P0848, and
# std::expected does not compile with them even so.
add_compile_options(-D__cpp_concepts=202002L -Wno-macro-redefined -O1 -g)

# Instrumentation for our own code only: packages (nlohmann::json's templates are compiled
# in our files anyway) come in as they are.
target_compile_options(counterfoil_warnings INTERFACE
  -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
target_link_options(counterfoil_warnings INTERFACE -fsanitize=address,undefined)

# Only the sources the harnesses link, not the folders' own CMakeLists.txt: those would also
# compile the ticket store, the search index, statistics and the catalog loader, which doubles
# the build for nothing here. A parser in a new file is added below (the link fails until it is).
function(counterfoil_fuzz_library name folder)
  list(TRANSFORM ARGN PREPEND ${CMAKE_SOURCE_DIR}/${folder}/)
  list(TRANSFORM ARGN APPEND .cpp)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE counterfoil_warnings)
endfunction()
counterfoil_fuzz_library(cf_core core clock escalation json_scan lifecycle masking phone
                         pii_sealer stats step_schema ticket ticket_json ticket_number ticket_text
                         utf8 uuid)
target_link_libraries(cf_core PUBLIC nlohmann_json::nlohmann_json PRIVATE PkgConfig::SODIUM)
counterfoil_fuzz_library(cf_forms forms asset_reader business_calendar category_tree
                         chinese_script classifier classifier_rules field_check field_definition
                         field_type form_definition localized_text lunar_calendar
                         phrase_placeholders script_moment script_phrases sla_policy
                         statutory_holidays suggest text_features text_model text_util
                         ticket_path)
target_link_libraries(cf_forms PUBLIC cf_core PRIVATE PkgConfig::OPENCC)
# sync/CMakeLists.txt builds only the protocol library in the fuzz build.
add_subdirectory(sync)
add_subdirectory(tests/fuzz)
