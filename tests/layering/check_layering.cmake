# The dependency rules of docs/ARCHITECTURE.md, checked on the sources' #include lines:
#   cmake -DSOURCE_DIR=<tree> -P check_layering.cmake
# Fails, naming each file and include, when
#   - kiosk/, counter/ or console/ include a header of another mode (shared pieces belong in ui/);
#   - ui/ includes a mode, sync/, center/, cli/ or app/ (it sits below them);
#   - core/, forms/, sync/, center/, cli/ or ime/ include ImGui, GLFW or a screen folder.
if(NOT DEFINED SOURCE_DIR)
  message(FATAL_ERROR "check_layering: pass -DSOURCE_DIR=<the source tree>")
endif()

set(modes kiosk counter console)
set(screen_folders ui kiosk counter console platform fonts app)

# forbid(<folder> <regex on the included path> <why>)
set(violations "")
function(forbid folder pattern why)
  file(GLOB_RECURSE sources "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.hpp"
       "${SOURCE_DIR}/${folder}/*.cpp")
  foreach(source ${sources})
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"].*$" "\\1" path "${line}")
      if(path MATCHES "${pattern}")
        file(RELATIVE_PATH shown "${SOURCE_DIR}" "${source}")
        set(violations "${violations}\n  ${shown}: #include ${path}: ${why}")
      endif()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

foreach(mode ${modes})
  set(others ${modes})
  list(REMOVE_ITEM others ${mode})
  list(JOIN others "|" others_regex)
  forbid(${mode} "^(${others_regex})/"
         "a mode includes another mode (move the shared piece to ui/)")
endforeach()
forbid(ui "^(kiosk|counter|console|sync|center|cli|app)/"
       "ui/ is below the modes and uses only core, forms, fonts, platform and ime")
list(JOIN screen_folders "|" screen_regex)
foreach(folder core forms sync center cli ime)
  forbid(${folder} "^(imgui|GLFW/|GL/)|^(${screen_regex})/"
         "${folder}/ has no screen: it never includes ImGui, GLFW or a screen folder")
endforeach()

if(violations)
  message(FATAL_ERROR "layering: includes against the dependency direction "
                      "(docs/ARCHITECTURE.md):${violations}")
endif()
message(STATUS "layering: every include follows the dependency direction")
