# Turns every shader file given in SHADERS into one C++ header of raw string literals, so the program finds its
# shaders from any working directory. Run in script mode: cmake -DOUT=... -DSHADERS="a;b" -P embed_shaders.cmake
set(content "// Generated from shaders/ at build time. Do not edit.\n#pragma once\n#include <string_view>\n\nnamespace myo::gfx::shaders {\n")
foreach(file ${SHADERS})
  get_filename_component(name ${file} NAME)
  string(MAKE_C_IDENTIFIER ${name} ident)
  file(READ ${file} text)
  string(APPEND content "inline constexpr std::string_view ${ident} = R\"MYOSHADER(${text})MYOSHADER\";\n")
endforeach()
string(APPEND content "}  // namespace myo::gfx::shaders\n")
file(WRITE ${OUT}.tmp "${content}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
