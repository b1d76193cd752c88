#!/usr/bin/env bash
# tests/bench/compare_f3d.sh: by hand, not in CI. Time and peak memory to write a 1920x1080 PNG, ours against
# Debian's f3d, on the shipped model and the 1M and 4M triangle test spheres (medians of RUNS runs, ours and
# f3d's alternated), then the program's own --bench figures. Prints one table with the ratios and the goals.
#
# Usage: tests/bench/compare_f3d.sh [BUILD_DIR]
#   BUILD_DIR (default: build) holds src/myorelease and tests/tools/myorelease-bigmodel.
# Environment: RUNS (default 5); FRAMES for --bench on the shipped model (default 60) and BIG_FRAMES on the
# spheres (default 10: a software renderer needs seconds per 4M-triangle frame);
# WORK (default BUILD_DIR/bench).
#
# How it measures: `/usr/bin/time -f "%e %M"` gives wall seconds and peak resident KiB of one process.
# f3d needs an X server: it runs under xvfb-run and only the f3d process is timed, not Xvfb's start, so
# the comparison leaves f3d's display server out (in its favour). Both render with the same Mesa driver
# when no GPU is present. Figures on a shared machine are noisy: compare medians, not single runs.
set -u -o pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd) || exit 2
runs=${RUNS:-5}
frames=${FRAMES:-60}
bigFrames=${BIG_FRAMES:-10}
work=${WORK:-$build/bench}
width=1920 height=1080
program=$build/src/myorelease
generator=$build/tests/tools/myorelease-bigmodel
# shellcheck source=tests/cli/png_check.sh
source "$repo/tests/cli/png_check.sh"

die() { echo "compare_f3d.sh: $*" >&2; exit 2; }
[[ -x $program ]] || die "$program not built (ninja -C $build myorelease)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time missing (apt-get install -y time)"
command -v f3d >/dev/null || die "f3d missing (apt-get install -y f3d)"
command -v xvfb-run >/dev/null || die "xvfb-run missing (apt-get install -y xvfb)"
mkdir -p "$work"

# The models: the shipped one and the two big spheres.
shipped=$repo/assets/upper_body.glb
[[ -f $shipped ]] || die "$shipped missing"
models=("$shipped")
for count in 1M 4M; do
  glb=$build/big_models/sphere_$count.glb
  if [[ ! -f $glb ]]; then
    [[ -x $generator ]] || die "$generator not built (ninja -C $build big_models)"
    mkdir -p "$build/big_models"
    "$generator" --triangles "$count" --out "$glb" || die "could not generate $glb"
  fi
  models+=("$glb")
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print v[int((NR + 1) / 2)] }'; }

# one NAME PNG COMMAND...: one timed run; prints "seconds KiB" or "fail fail".
one() {
  local name=$1 png=$2
  shift 2
  rm -f "$png" "$work/time.txt"
  if ! "$@" >"$work/$name.log" 2>&1; then
    echo "  $name failed: $(tail -n 3 "$work/$name.log" | tr '\n' ' ')" >&2
    echo "fail fail"; return
  fi
  local problem
  if ! problem=$(pngProblem "$png" "${width}x${height}"); then
    echo "  $name: $problem" >&2
    echo "fail fail"; return
  fi
  cat "$work/time.txt"
}

# measure MODEL: RUNS rounds, each ours then f3d (alternated, so both see the same load); prints the medians
# "our_seconds our_KiB f3d_seconds f3d_KiB" ("fail" where a run failed).
measure() {
  local model=$1 i ot om ft fm
  local oT=() oM=() fT=() fM=()
  for ((i = 1; i <= runs; i++)); do
    read -r ot om < <(one ours "$work/ours.png" ours "$model" "$work/ours.png")
    read -r ft fm < <(one f3d "$work/f3d.png" theirs "$model" "$work/f3d.png")
    if [[ $ot == fail || $ft == fail ]]; then echo "fail fail fail fail"; return; fi
    oT+=("$ot") oM+=("$om") fT+=("$ft") fM+=("$fm")
  done
  echo "$(printf '%s\n' "${oT[@]}" | median) $(printf '%s\n' "${oM[@]}" | median)" \
    "$(printf '%s\n' "${fT[@]}" | median) $(printf '%s\n' "${fM[@]}" | median)"
}

ours() {  # ours MODEL PNG
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "$program" "$1" --headless --screenshot "$2" --size "${width}x${height}"
}
theirs() {  # theirs MODEL PNG: only the f3d process is timed, inside the X server xvfb-run starts
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
    /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    f3d --dry-run --quiet --resolution="$width,$height" --output="$2" "$1"
}

ratio() {
  awk -v a="$1" -v b="$2" \
    'BEGIN { if (a == "fail" || b == "fail" || b <= 0) print "-"; else printf "%.2f", a / b }'
}
verdict() {  # verdict RATIO GOAL
  [[ $2 == - || $1 == - ]] && { echo ""; return; }
  awk -v r="$1" -v g="$2" 'BEGIN { print (r <= g) ? "met" : "MISSED" }'
}
mib() { awk -v k="$1" 'BEGIN { if (k == "fail") print "fail"; else printf "%.0f", k / 1024 }'; }

echo "MyoRelease vs f3d: write a ${width}x${height} PNG, median of $runs runs (wall seconds, peak RSS)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
  "f3d: $(f3d --version 2>/dev/null | head -n 1); ours: $("$program" --version)"
renderer=$("$program" "${models[0]}" --bench --no-ui --size 64x64 --frames 1 2>/dev/null |
  sed -n 's/^renderer: //p')
echo "renderer: $renderer"
echo

format='%-22s %8s %8s %7s %-16s %9s %9s %7s %-16s\n'
rows=()
for model in "${models[@]}"; do
  name=$(basename "$model")
  echo "measuring $name ..." >&2
  read -r ourT ourM f3dT f3dM < <(measure "$model")
  tGoal=- mGoal=-
  if [[ $model == "${models[0]}" ]]; then tGoal=0.80 mGoal=0.60; fi
  if [[ $name == sphere_4M.glb ]]; then tGoal=0.30; fi
  tRatio=$(ratio "$ourT" "$f3dT") mRatio=$(ratio "$ourM" "$f3dM")
  tText='' mText=''
  [[ $tGoal != - ]] && tText="<=${tGoal}x $(verdict "$tRatio" "$tGoal")"
  [[ $mGoal != - ]] && mText="<=${mGoal}x $(verdict "$mRatio" "$mGoal")"
  rows+=("$(printf "$format" "$name" "$ourT" "$f3dT" "${tRatio}x" "$tText" "$(mib "$ourM")" "$(mib "$f3dM")" \
    "${mRatio}x" "$mText")")
done

printf "$format" model "ours s" "f3d s" time goal "ours MiB" "f3d MiB" memory goal
printf '%s\n' "${rows[@]}"
echo

echo "myorelease --bench --size ${width}x${height} --frames $frames (spheres: $bigFrames), with the UI"
echo "goal on the shipped model: >= 30 fps (the window's frames, coarse while moving: 'frame mean')"
for model in "${models[@]}"; do
  echo "--- $(basename "$model")"
  n=$frames
  [[ $model == "${models[0]}" ]] || n=$bigFrames
  if ! out=$("$program" "$model" --bench --size "${width}x${height}" --frames "$n" 2>&1); then
    echo "  failed: $out"
    continue
  fi
  sed 's/^/  /' <<<"$out"
  if [[ $model == "${models[0]}" ]]; then
    fps=$(sed -n 's/^frame mean: .*(\([0-9.]*\) fps).*/\1/p' <<<"$out")
    met=$(awk -v f="${fps:-0}" 'BEGIN { print (f >= 30) ? "met" : "MISSED" }')
    echo "  goal >= 30 fps: $met (${fps:-no figure} fps)"
  fi
done
echo
echo "Timings vary from run to run with the load on the machine; treat differences under ~20 % as noise."
