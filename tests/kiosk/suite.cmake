# The headless UI harness (tests/support/ui): ImGui on the null platform with the real kiosk.
file(GLOB UI_HARNESS_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/support/ui/*.cpp)
add_library(cf_ui_harness STATIC ${UI_HARNESS_SOURCES})
target_link_libraries(cf_ui_harness PUBLIC cf_console cf_counter cf_kiosk cf_platform cf_test_support
  PRIVATE counterfoil_warnings)

counterfoil_test_suite(kiosk_tests kiosk cf_ui_harness cf_kiosk)
