#!/usr/bin/env bash
# tests/cli/animation_time.sh: --time moves an animated model: two headless pictures at the same time are the
# same bytes (rendering is deterministic), and a picture at another time differs from them.
#
# Usage: animation_time.sh PROGRAM MODEL SECONDS WORK_DIR
set -u
[[ $# -eq 4 ]] || { echo "usage: animation_time.sh PROGRAM MODEL SECONDS WORK_DIR" >&2; exit 2; }
program=$1 model=$2 seconds=$3 work=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/cli/png_check.sh
source "$here/png_check.sh"
mkdir -p "$work"
name=$(basename "$model" | tr -c 'A-Za-z0-9\n' _)

shot() {  # shot TIME FILE
  rm -f "$2"
  if ! timeout --kill-after=5 60 "$program" "$model" --headless --no-ui --size 160x120 --time "$1" \
      --screenshot "$2"; then
    echo "FAIL: rendering $model at --time $1 failed"
    exit 1
  fi
  pngProblem "$2" 160x120 || exit 1
}

first=$work/${name}_t0_a.png second=$work/${name}_t0_b.png later=$work/${name}_t${seconds}.png
shot 0 "$first"
shot 0 "$second"
shot "$seconds" "$later"
cmp -s "$first" "$second" || { echo "FAIL: two pictures at --time 0 differ: $first $second"; exit 1; }
if cmp -s "$first" "$later"; then
  echo "FAIL: the picture at --time $seconds equals the one at 0: $later"
  exit 1
fi
echo "ok: --time 0 is reproducible and --time $seconds changes the picture of $model"
