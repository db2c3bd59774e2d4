counterfoil_test_suite(app_tests app cf_app)
target_compile_definitions(app_tests PRIVATE COUNTERFOIL_TEST_APP="$<TARGET_FILE:counterfoil>")
add_dependencies(app_tests counterfoil)
target_link_libraries(app_tests PRIVATE PkgConfig::STB)
