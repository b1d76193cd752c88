#!/usr/bin/env bash
# tests/cli/export.sh: --export writes GLB files that Khronos' glTF validator finds clean, at rest and at one
# moment of each exercise's work and stretch phases.
# Usage: export.sh PROGRAM NODE VALIDATE_JS OUT_DIR   (NODE_PATH must find gltf-validator)
set -u
program=$1 node=$2 validate=$3 out=$4
mkdir -p "$out"
status=0
run() {  # NAME ARGS...
  local name=$1
  shift
  rm -f "$out/$name.glb"
  if ! "$program" --export "$out/$name.glb" "$@"; then
    echo "FAIL: $program --export $out/$name.glb $*"
    status=1
    return
  fi
  "$node" "$validate" "$out/$name.glb" || status=1
}
run rest
run trapezius --exercise trapezius-foam-roller --time 22
run rhomboid --exercise rhomboid-massage-ball --time 12
run latissimus --exercise latissimus-foam-roller --time 60
run chair --exercise massage-chair --time 90
run chair_stretch --exercise massage-chair --time 200
exit $status
