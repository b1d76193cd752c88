#!/usr/bin/env bash
# tests/cli/big_model.sh: the big-model generator writes the same bytes twice, about the requested number of
# triangles, and a GLB that the program validates, benchmarks (same triangle count) and renders.
#
# Usage: big_model.sh GENERATOR PROGRAM WORK_DIR
set -u
[[ $# -eq 3 ]] || { echo "usage: big_model.sh GENERATOR PROGRAM WORK_DIR" >&2; exit 2; }
generator=$1 program=$2 work=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/cli/png_check.sh
source "$here/png_check.sh"
mkdir -p "$work"
requested=20000
a=$work/sphere_a.glb b=$work/sphere_b.glb shot=$work/sphere.png
fail() { echo "FAIL: $*"; exit 1; }

report=$("$generator" --triangles 20k --out "$a") || fail "generator failed"
"$generator" --triangles 20k --out "$b" >/dev/null || fail "generator failed the second time"
cmp -s "$a" "$b" || fail "two runs with the same count wrote different bytes"
echo "$report"
made=$(sed -n 's/.*: \([0-9]*\) triangles,.*/\1/p' <<<"$report")
[[ -n $made ]] || fail "no triangle count in '$report'"
# The sphere's rings and segments round the count: within 1 % of the request.
((made * 100 >= requested * 99 && made * 100 <= requested * 101)) ||
  fail "$made triangles, asked for $requested"

"$generator" --triangles 0 --out "$work/none.glb" 2>/dev/null && fail "--triangles 0 was accepted"

validate=$(timeout 60 "$program" "$a" --validate) || fail "--validate rejected the generated model"
grep -qx "$a: ok, 1 meshes, 0 recognised muscles" <<<"$validate" || fail "--validate said '$validate'"

bench=$(timeout 60 "$program" "$a" --bench --no-ui --size 160x120 --frames 2) || fail "--bench failed"
grep -qx "model: $a ($made triangles)" <<<"$bench" || fail "--bench does not report $made triangles: $bench"

rm -f "$shot"
timeout 60 "$program" "$a" --headless --size 160x120 --screenshot "$shot" || fail "--screenshot failed"
pngProblem "$shot" 160x120 || exit 1
echo "ok: $made triangles, deterministic, validated, benchmarked and rendered"
