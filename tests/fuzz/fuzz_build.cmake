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

foreach(folder core forms sync)
  add_subdirectory(${folder})
endforeach()
add_subdirectory(tests/fuzz)
