# The dependency direction of docs/ARCHITECTURE.md, checked on the source tree's includes, and
# the check itself shown to catch each kind of violation on a small tree made for it.
set(layering_script ${CMAKE_CURRENT_SOURCE_DIR}/layering/check_layering.cmake)
add_test(NAME "layering: the source tree follows the dependency direction"
         COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -P ${layering_script})

# layering_case(<name> <file in the fixture tree> <its include> <message expected>)
function(layering_case name file include expected)
  set(tree ${CMAKE_CURRENT_BINARY_DIR}/layering_fixtures/${name})
  file(REMOVE_RECURSE ${tree})
  file(WRITE ${tree}/${file} "#pragma once\n#include ${include}\n")
  add_test(NAME "layering: the check catches ${name}"
           COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${tree} -P ${layering_script})
  set_tests_properties("layering: the check catches ${name}" PROPERTIES
                       WILL_FAIL TRUE FAIL_REGULAR_EXPRESSION "every include follows")
  add_test(NAME "layering: the check names ${name}"
           COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${tree} -P ${layering_script})
  set_tests_properties("layering: the check names ${name}" PROPERTIES
                       PASS_REGULAR_EXPRESSION "${expected}")
endfunction()
layering_case("kiosk including the counter" kiosk/bad_screen.cpp "\"counter/counter_frame.h\""
              "kiosk/bad_screen.cpp: #include counter/counter_frame.h: a mode includes another mode")
layering_case("console including the kiosk" console/bad_view.h "\"kiosk/kiosk_ui.h\""
              "console/bad_view.h: #include kiosk/kiosk_ui.h: a mode includes another mode")
layering_case("counter including the console" counter/bad_view.cpp "\"console/views.h\""
              "counter/bad_view.cpp: #include console/views.h: a mode includes another mode")
layering_case("ui including a mode" ui/bad_widget.h "\"kiosk/kiosk_state.h\""
              "ui/bad_widget.h: #include kiosk/kiosk_state.h: ui/ is below the modes")
layering_case("core including ImGui" core/bad_model.cpp "<imgui.h>"
              "core/bad_model.cpp: #include imgui.h: core/ has no screen")
layering_case("forms including ImGui" forms/bad_form.h "<imgui.h>"
              "forms/bad_form.h: #include imgui.h: forms/ has no screen")
layering_case("sync including ImGui" sync/bad_client.cpp "<imgui_internal.h>"
              "sync/bad_client.cpp: #include imgui_internal.h: sync/ has no screen")
layering_case("center including ui" center/bad_route.cpp "\"ui/ui.h\""
              "center/bad_route.cpp: #include ui/ui.h: center/ has no screen")
