# Sync tests: the protocol, the client and end-to-end runs against a real counterfoil-center
# process on loopback with the real counterfoil-cli. Helpers shared with the center's tests
# live in tests/sync/support/.
file(GLOB SYNC_TEST_SUPPORT_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/sync/support/*.cpp)
add_library(cf_sync_test_support STATIC ${SYNC_TEST_SUPPORT_SOURCES})
target_include_directories(cf_sync_test_support PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(cf_sync_test_support PUBLIC cf_test_support cf_core Threads::Threads
  PRIVATE counterfoil_warnings)
target_compile_definitions(cf_sync_test_support PRIVATE
  COUNTERFOIL_TEST_CENTER="$<TARGET_FILE:counterfoil-center>"
  COUNTERFOIL_TEST_NGINX_SITE="${PROJECT_SOURCE_DIR}/packaging/nginx/counterfoil-center.conf")

counterfoil_test_suite(sync_tests sync cf_sync cf_sync_test_support PkgConfig::HTTPLIB)
add_dependencies(sync_tests counterfoil-center counterfoil-cli)
