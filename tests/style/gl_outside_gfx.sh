#!/usr/bin/env bash
# tests/style/gl_outside_gfx.sh: OpenGL stays in src/gfx/ (STYLE.md 3.3). Fails, naming each line, when a file
# under src/ outside src/gfx/ calls a gl* function (glDrawArrays, ...), names a GL_ constant or a GL type.
# "glTF" is the file format, not a call.
#
# Usage: gl_outside_gfx.sh SOURCE_DIR
set -u
[[ $# -eq 1 ]] || { echo "usage: gl_outside_gfx.sh SOURCE_DIR" >&2; exit 2; }
cd "$1" || exit 2
[[ -d src/gfx ]] || { echo "FAIL: no src/gfx in $1"; exit 1; }
pattern='\bgl(?!TF\b)[A-Z]\w*|\bGL_[A-Z0-9_]+|\bGL(uint|int|enum|float|sizei|boolean|bitfield|char|void|double|ubyte|ushort)\b'
found=$(grep -rnP --include='*.cpp' --include='*.hpp' --include='*.h' --include='*.c' --include='*.inl' \
          "$pattern" src | grep -v '^src/gfx/')
if [[ -n $found ]]; then
  echo "FAIL: OpenGL outside src/gfx/:"
  echo "$found"
  exit 1
fi
echo "ok: no OpenGL call, constant or type outside src/gfx/ ($(find src -type f \( -name '*.cpp' -o -name '*.hpp' \) -not -path 'src/gfx/*' | wc -l) files searched)"
