# tests/harden/harden.cmake (included from tests/CMakeLists.txt): hostile-input lines, --output-dir, the
# install, and the short soak. The sanitizer and fuzz tiers and the full soak run from .ci/harden.
add_subdirectory(${CMAKE_SOURCE_DIR}/tests/soak ${CMAKE_BINARY_DIR}/tests/soak)
if(NOT TARGET myorelease)
  return()
endif()
find_program(MYO_BASH bash REQUIRED)
set(HARDEN_WORK ${CMAKE_BINARY_DIR}/tests/harden/work)

add_test(NAME cli.hostile.expected_lines
         COMMAND ${MYO_BASH} ${CMAKE_CURRENT_LIST_DIR}/expected_lines.sh $<TARGET_FILE:myorelease>
                 ${CMAKE_SOURCE_DIR}/tests/data/malformed ${CMAKE_SOURCE_DIR}/tests/data/malformed.expected
                 ${HARDEN_WORK}/expected_lines)
set_tests_properties(cli.hostile.expected_lines PROPERTIES LABELS cli TIMEOUT 300)

add_test(NAME cli.output_dir
         COMMAND ${MYO_BASH} ${CMAKE_CURRENT_LIST_DIR}/output_dir.sh $<TARGET_FILE:myorelease>
                 ${CMAKE_SOURCE_DIR}/tests/data/malformed/control/valid.gltf ${HARDEN_WORK}/output_dir)
set_tests_properties(cli.output_dir PROPERTIES LABELS "cli;gl" TIMEOUT 120)

# The install test needs the icons (rendered at build time) and the two validators.
find_program(MYO_DESKTOP_VALIDATE desktop-file-validate)
find_program(MYO_APPSTREAMCLI appstreamcli)
if(MYO_ICONS AND MYO_MAN AND MYO_HELP2MAN AND MYO_DESKTOP_VALIDATE AND MYO_APPSTREAMCLI)
  add_test(NAME install.prefix
           COMMAND ${MYO_BASH} ${CMAKE_SOURCE_DIR}/tests/install/install_test.sh ${CMAKE_BINARY_DIR}
                   ${CMAKE_SOURCE_DIR})
else()
  # Reported as skipped (exit 77), not silently absent.
  add_test(NAME install.prefix
           COMMAND ${MYO_BASH} -c "echo 'skipped: needs MYO_ICONS=ON, MYO_MAN=ON, help2man, desktop-file-validate, appstreamcli'; exit 77")
endif()
set_tests_properties(install.prefix PROPERTIES LABELS "install;gl" TIMEOUT 300 SKIP_RETURN_CODE 77)
