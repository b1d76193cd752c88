# gfx (the only OpenGL code), ui (Dear ImGui panels) and app (the viewer program).
find_package(OpenGL REQUIRED COMPONENTS EGL)
# --video: FFmpeg's libraries (H.264 through libx264, VP9 through libvpx).
pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET libavformat libavcodec libswscale libavutil)

file(GLOB MYO_SHADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert ${CMAKE_SOURCE_DIR}/shaders/*.frag
     ${CMAKE_SOURCE_DIR}/shaders/*.glsl)
set(MYO_SHADER_HEADER ${CMAKE_BINARY_DIR}/generated/gfx/shader_sources.hpp)
add_custom_command(
  OUTPUT ${MYO_SHADER_HEADER}
  COMMAND ${CMAKE_COMMAND} -DOUT=${MYO_SHADER_HEADER} "-DSHADERS=${MYO_SHADERS}"
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_shaders.cmake
  DEPENDS ${MYO_SHADERS} ${CMAKE_SOURCE_DIR}/cmake/embed_shaders.cmake
  COMMENT "Embedding shaders"
  VERBATIM)

file(GLOB MYO_GFX_SRC CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/gfx/*.cpp)
add_library(myo_gfx STATIC ${MYO_GFX_SRC} ${MYO_SHADER_HEADER})
target_include_directories(myo_gfx PUBLIC ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/generated)
target_compile_options(myo_gfx PRIVATE ${MYO_WARNINGS})
target_link_libraries(myo_gfx PUBLIC myo_scene glad glfw PkgConfig::SPNG)

file(GLOB MYO_UI_SRC CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/ui/*.cpp)
add_library(myo_ui STATIC ${MYO_UI_SRC})
target_include_directories(myo_ui PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(myo_ui PRIVATE ${MYO_WARNINGS})
target_link_libraries(myo_ui PUBLIC myo_scene myo_exercise myo_view imgui_pkg)

file(GLOB MYO_APP_SRC CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/app/*.cpp)
list(REMOVE_ITEM MYO_APP_SRC ${CMAKE_CURRENT_SOURCE_DIR}/app/cli.cpp ${CMAKE_CURRENT_SOURCE_DIR}/app/paths.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/app/main.cpp ${CMAKE_CURRENT_SOURCE_DIR}/app/settings.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/app/input_bindings.cpp ${CMAKE_CURRENT_SOURCE_DIR}/app/key_taps.cpp)
add_library(myo_viewer STATIC ${MYO_APP_SRC})
target_include_directories(myo_viewer PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(myo_viewer PRIVATE ${MYO_WARNINGS})
target_compile_definitions(myo_viewer PUBLIC MYO_VERSION="${PROJECT_VERSION}")
target_link_libraries(myo_viewer PUBLIC myo_app myo_gfx myo_ui myo_exercise myo_scene myo_view imgui_pkg
  nlohmann_json::nlohmann_json fmt::fmt openal PkgConfig::LIBAV)

add_executable(myorelease app/main.cpp)
target_link_libraries(myorelease PRIVATE myo_viewer)
target_compile_options(myorelease PRIVATE ${MYO_WARNINGS})

# The program finds its assets at ../share/myorelease from its own folder (app/paths.cpp); the build tree
# mirrors the installed layout with a link to the source assets, so build/src/myorelease finds them too.
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/share)
file(CREATE_LINK ${CMAKE_SOURCE_DIR}/assets ${CMAKE_BINARY_DIR}/share/myorelease SYMBOLIC)
