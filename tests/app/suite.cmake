counterfoil_test_suite(app_tests app cf_app)
target_compile_definitions(app_tests PRIVATE COUNTERFOIL_TEST_APP="$<TARGET_FILE:counterfoil>")
# The console's tour runs counterfoil-center, which it finds next to the app's build folder.
add_dependencies(app_tests counterfoil counterfoil-center)
target_link_libraries(app_tests PRIVATE PkgConfig::STB)
