#!/usr/bin/env bash
# tests/cli/malformed.sh: runs the program on every file of the malformed corpus in one mode and checks that
# each fails with exit 2 and exactly one stderr line "myorelease: error: <that file>: <what>", and that the
# control files beside them load (exit 0). Reports every failing file, not just the first.
#
# Usage: malformed.sh PROGRAM CORPUS_DIR MODE WORK_DIR
#   MODE: list-muscles | validate | screenshot (headless, no UI) | window (no action: the viewer itself)
set -u
[[ $# -eq 4 ]] || { echo "usage: malformed.sh PROGRAM CORPUS_DIR MODE WORK_DIR" >&2; exit 2; }
program=$1 corpus=$2 mode=$3 work=$4
mkdir -p "$work"
shot=$work/malformed_$mode.png

modeArgs() {
  case $mode in
    list-muscles) echo --list-muscles ;;
    validate) echo --validate ;;
    screenshot) echo --headless --no-ui --size 64x48 --screenshot "$shot" ;;
    window) ;;
    *) echo "malformed.sh: unknown mode '$mode'" >&2; exit 2 ;;
  esac
}
read -r -a args <<<"$(modeArgs)"

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
failed=() checked=0

# A model that loads would open a window in window mode: the timeout turns that into a failure, not a hang.
run() { timeout --kill-after=5 20 "$program" "$1" ${args[@]+"${args[@]}"} >"$out" 2>"$err"; }

shopt -s nullglob
for file in "$corpus"/*.glb "$corpus"/*.gltf; do
  checked=$((checked + 1))
  run "$file"
  status=$?
  lines=$(awk 'END { print NR }' "$err")
  first=$(head -n 1 "$err")
  problem=
  if [[ $status -ne 2 ]]; then
    problem="exit status $status, expected 2"
  elif [[ $lines -ne 1 ]]; then
    problem="$lines stderr lines, expected 1"
  elif [[ $first != "myorelease: error: $file: "?* ]]; then
    problem="stderr does not start with 'myorelease: error: $file: '"
  elif [[ $mode == list-muscles || $mode == screenshot ]] && [[ -s $out ]]; then
    problem="unexpected stdout"
  elif grep -qF -- "$file: ok" "$out"; then
    problem="stdout calls it ok"
  fi
  if [[ -n $problem ]]; then
    failed+=("$(basename "$file"): $problem")
    printf 'FAIL %s: %s\n  stderr: %s\n' "$(basename "$file")" "$problem" "$(head -c 600 "$err")"
  fi
done
[[ $checked -gt 0 ]] || { echo "no .glb/.gltf files in $corpus"; exit 1; }

# The control files are valid: in every mode except the window (which would stay open) they must load.
if [[ $mode != window ]]; then
  for file in "$corpus"/control/*.glb "$corpus"/control/*.gltf; do
    checked=$((checked + 1))
    run "$file"
    status=$?
    if [[ $status -ne 0 ]]; then
      failed+=("control/$(basename "$file"): exit status $status, expected 0")
      printf 'FAIL control/%s: exit status %d\n  stderr: %s\n' "$(basename "$file")" "$status" \
        "$(head -c 600 "$err")"
    fi
  done
fi

echo "$mode: $checked files checked, ${#failed[@]} failed"
if [[ ${#failed[@]} -gt 0 ]]; then
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
exit 0
