#!/usr/bin/env bash
# tests/install/install_test.sh: `cmake --install` into a temporary prefix installs what a desktop needs, the
# desktop entry and the AppStream metainfo validate, and the installed program, moved to another prefix with
# the source tree out of reach, renders the shipped model and reports an exercise state.
#
# Usage: install_test.sh BUILD_DIR SOURCE_DIR (the work folder is a fresh one under $TMPDIR, outside both)
set -u
[[ $# -eq 2 ]] || { echo "usage: install_test.sh BUILD_DIR SOURCE_DIR" >&2; exit 2; }
build=$1 source=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/myo-install-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/cli/png_check.sh
source "$here/../cli/png_check.sh"
fail() { echo "FAIL: $*"; exit 1; }
id=org.myorelease.MyoRelease
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || fail "cmake --install: $(tail -5 "$work/install.log")"
for f in bin/myorelease bin/myorelease-model share/myorelease/upper_body.glb share/myorelease/exercises.json \
         share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/icons/hicolor/64x64/apps/$id.png share/icons/hicolor/128x128/apps/$id.png \
         share/icons/hicolor/256x256/apps/$id.png share/man/man1/myorelease.1 share/man/man1/myorelease-model.1; do
  [[ -s $prefix/$f ]] || fail "the install lacks $f"
done
for px in 64 128 256; do
  pngProblem "$prefix/share/icons/hicolor/${px}x${px}/apps/$id.png" "${px}x${px}" || fail "icon $px"
done
cmp -s "$source/assets/upper_body.glb" "$prefix/share/myorelease/upper_body.glb" || fail "the model differs"
grep -q '^\.SH OPTIONS\|--output-dir' "$prefix/share/man/man1/myorelease.1" || fail "the man page lacks the options"

desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
version=$("$prefix/bin/myorelease" --version) || fail "--version"
grep -q "<release version=\"${version#myorelease }\"" "$prefix/share/metainfo/$id.metainfo.xml" ||
  fail "the metainfo has no release for $version"

# Moved: nothing may point back into the first prefix or the source tree.
moved=$work/moved
mv "$prefix" "$moved"
cd "$work" || exit 1
# The source tree out of reach: an empty folder mounted over it in a private mount namespace, when the kernel
# lets this user have one; otherwise the move and a working folder outside the tree still show the lookup.
check='
  set -e
  "$0/bin/myorelease" --headless --no-ui --size 96x64 --screenshot "$1/shipped.png"
  "$0/bin/myorelease" --exercise trapezius-foam-roller --time 31 --state >"$1/state.json"
  "$0/bin/myorelease" --exercise massage-chair --headless --size 96x64 --time 20 --screenshot "$1/chair.png"
'
mkdir -p "$work/empty"
if unshare -rm true 2>/dev/null; then
  unshare -rm env -u MYO_ASSETS bash -c "mount --bind '$work/empty' '$source' && ls -A '$source' | grep -q . && exit 3
    $check" "$moved" "$work" || fail "the moved install with the source tree hidden (status $?)"
  echo "source tree hidden while the moved install ran"
else
  env -u MYO_ASSETS bash -c "$check" "$moved" "$work" || fail "the moved install"
  echo "no mount namespace here: the moved install ran with the source tree in place"
fi
pngProblem "$work/shipped.png" 96x64 || fail "shipped.png"
pngProblem "$work/chair.png" 96x64 || fail "chair.png"
grep -q '"exercise": *"trapezius-foam-roller"' "$work/state.json" || fail "state: $(head -c 200 "$work/state.json")"
echo "ok"
