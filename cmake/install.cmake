# cmake --install: the viewer and the model generator, the assets, a desktop entry, icons rendered by the
# viewer from the shipped model, AppStream metainfo and man pages (help2man, from --help).
include(GNUInstallDirs)

set(MYO_APP_ID org.myorelease.MyoRelease)
option(MYO_ICONS "Render the desktop icons from the shipped model at build time (needs EGL)" ON)
option(MYO_MAN "Write the man pages with help2man at build time" ON)

install(TARGETS myorelease-model RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The viewer looks for its assets at ../share/myorelease from its own folder (src/app/paths.cpp).
install(FILES ${CMAKE_SOURCE_DIR}/assets/upper_body.glb ${CMAKE_SOURCE_DIR}/assets/exercises.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/myorelease)
install(FILES ${CMAKE_SOURCE_DIR}/data/${MYO_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/data/${MYO_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

if(NOT TARGET myorelease)
  return()
endif()
install(TARGETS myorelease RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The shaders are compiled into the program (cmake/embed_shaders.cmake): there are no shader files to install.

set(MYO_ICON_DIR ${CMAKE_BINARY_DIR}/icons)
if(MYO_ICONS)
  set(icons)
  foreach(px 64 128 256)
    set(icon ${MYO_ICON_DIR}/${px}x${px}/apps/${MYO_APP_ID}.png)
    add_custom_command(
      OUTPUT ${icon}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${MYO_ICON_DIR}/${px}x${px}/apps
      COMMAND myorelease ${CMAKE_SOURCE_DIR}/assets/upper_body.glb --headless --no-ui --skin hidden
              --view target --size ${px}x${px} --screenshot ${icon}
      DEPENDS myorelease ${CMAKE_SOURCE_DIR}/assets/upper_body.glb
      COMMENT "Rendering the ${px} px icon from the shipped model"
      VERBATIM)
    list(APPEND icons ${icon})
    install(FILES ${icon} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${px}x${px}/apps)
  endforeach()
  add_custom_target(myo_icons ALL DEPENDS ${icons})
endif()

find_program(MYO_HELP2MAN help2man)
if(MYO_MAN AND MYO_HELP2MAN)
  set(MYO_MAN_DIR ${CMAKE_BINARY_DIR}/man)
  add_custom_command(
    OUTPUT ${MYO_MAN_DIR}/myorelease.1 ${MYO_MAN_DIR}/myorelease-model.1
    COMMAND ${CMAKE_COMMAND} -E make_directory ${MYO_MAN_DIR}
    COMMAND ${MYO_HELP2MAN} --no-info --section 1 --name "3D anatomy viewer for self-myofascial release"
            --output ${MYO_MAN_DIR}/myorelease.1 $<TARGET_FILE:myorelease>
    COMMAND ${MYO_HELP2MAN} --no-info --section 1 --version-string ${PROJECT_VERSION}
            --name "generate the anatomical model of MyoRelease"
            --output ${MYO_MAN_DIR}/myorelease-model.1 $<TARGET_FILE:myorelease-model>
    DEPENDS myorelease myorelease-model
    COMMENT "Writing the man pages from --help"
    VERBATIM)
  add_custom_target(myo_man ALL DEPENDS ${MYO_MAN_DIR}/myorelease.1 ${MYO_MAN_DIR}/myorelease-model.1)
  install(FILES ${MYO_MAN_DIR}/myorelease.1 ${MYO_MAN_DIR}/myorelease-model.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(MYO_MAN)
  message(STATUS "help2man not found: no man pages (Debian package help2man)")
endif()
