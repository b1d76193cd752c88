#!/usr/bin/env bash
# tests/harden/expected_lines.sh: the hostile files of the malformed corpus each give exactly their expected
# line (tests/data/malformed.expected: "file<TAB>reason"), in each mode that loads a model, within a time
# bound; every corpus file's error line stays short; FIFOs and devices are refused without blocking; an
# exercise file of 1 MB of whitespace gives one short line.
#
# Usage: expected_lines.sh PROGRAM CORPUS_DIR EXPECTED_FILE WORK_DIR
set -u
[[ $# -eq 4 ]] || { echo "usage: expected_lines.sh PROGRAM CORPUS_DIR EXPECTED_FILE WORK_DIR" >&2; exit 2; }
program=$1 corpus=$2 expected=$3 work=$4
mkdir -p "$work"
out=$work/stdout err=$work/stderr
failures=0 checked=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# run SECONDS ARGS...: the program with a time bound; its status in $status.
run() {
  local seconds=$1
  shift
  timeout --kill-after=2 "$seconds" "$program" "$@" >"$out" 2>"$err" </dev/null
  status=$?
}

# expect_line WHAT LINE: exit 2 and exactly LINE on stderr.
expect_line() {
  local what=$1 line=$2
  checked=$((checked + 1))
  if [[ $status -ne 2 ]]; then
    fail "$what: exit status $status, expected 2 (stderr: $(head -c 300 "$err"))"
  elif [[ $(awk 'END { print NR }' "$err") -ne 1 ]]; then
    fail "$what: $(awk 'END { print NR }' "$err") stderr lines, expected 1"
  elif [[ $(cat "$err") != "$line" ]]; then
    fail "$what: stderr '$(head -c 300 "$err")', expected '$line'"
  fi
}

# 1. The expected line of each hostile file, as --list-muscles and --validate report it; 10 s at most each.
while IFS=$'\t' read -r name reason; do
  [[ -n $name ]] || continue
  file=$corpus/$name
  [[ -f $file ]] || { fail "$name: listed in $expected but missing from $corpus"; continue; }
  for mode in --list-muscles --validate; do
    run 10 "$file" "$mode"
    expect_line "$name $mode" "myorelease: error: $file: $reason"
  done
done <"$expected"

# 2. Every corpus file: the error line quotes at most a short excerpt (reason under 300 bytes).
for file in "$corpus"/*.gltf "$corpus"/*.glb; do
  run 20 "$file" --list-muscles
  checked=$((checked + 1))
  reason=$(head -n 1 "$err")
  reason=${reason#"myorelease: error: $file: "}
  ((${#reason} < 300)) || fail "$(basename "$file"): a reason of ${#reason} bytes"
done

# 3. Big inputs made here (too large to keep in the repository): a 1 MB .gltf of spaces and a 1 MB exercise
# file of whitespace each give one short line.
spaces=$work/spaces.gltf
head -c 1048576 /dev/zero | tr '\0' ' ' >"$spaces"
printf 'x' >>"$spaces"
run 20 "$spaces" --validate
checked=$((checked + 1))
[[ $status -eq 2 && $(awk 'END { print NR }' "$err") -eq 1 && $(wc -c <"$err") -lt 600 ]] ||
  fail "1 MB of spaces: status $status, $(wc -c <"$err") bytes on stderr"
blank=$work/blank_exercises.json
head -c 1048576 /dev/zero | tr '\0' '\n' >"$blank"
run 20 --exercises "$blank" --list-exercises
checked=$((checked + 1))
[[ $status -eq 2 && $(awk 'END { print NR }' "$err") -eq 1 && $(wc -c <"$err") -lt 600 ]] ||
  fail "1 MB exercise file of whitespace: status $status, $(wc -c <"$err") bytes on stderr"
grep -q "^myorelease: error: $blank: " "$err" || fail "1 MB exercise file: the line does not name the file"

# 4. A FIFO (nobody writes to it: opening it would block) and a device, as the model and as its buffer.
fifo=$work/pipe.gltf
rm -f "$fifo" && mkfifo "$fifo"
run 5 "$fifo" --validate
expect_line "FIFO as the model" "myorelease: error: $fifo: is not a regular file"
mkdir -p "$work/fifo_buffer"
rm -f "$work/fifo_buffer/data.bin" && mkfifo "$work/fifo_buffer/data.bin"
sed 's|"uri": "data:application/octet-stream;base64,[^"]*"|"uri": "data.bin"|' \
  "$corpus/control/valid.gltf" >"$work/fifo_buffer/model.gltf"
run 5 "$work/fifo_buffer/model.gltf" --validate
expect_line "FIFO as the buffer" \
  "myorelease: error: $work/fifo_buffer/model.gltf: external file 'data.bin' is not a regular file"
ln -sfn /dev/zero "$work/zero.glb"
run 5 "$work/zero.glb" --validate
expect_line "a device as the model" "myorelease: error: $work/zero.glb: is not a regular file"

# 5. Valid files the loader once refused or passed in silence: a skin without inverse bind matrices loads, and
# one with more joints than the renderer poses loads with a word about what is not drawn.
run 10 "$corpus/control/skin_without_inverse_bind.gltf" --validate
checked=$((checked + 1))
[[ $status -eq 0 ]] || fail "skin without inverse bind matrices: status $status ($(head -c 300 "$err"))"
run 10 "$corpus/control/skin_130_joints.gltf" --validate
checked=$((checked + 1))
[[ $status -eq 0 ]] && grep -q "skin 0 has 130 joints; only the first 128 are posed" "$out" ||
  fail "130 joints: status $status, stdout '$(head -n 1 "$out")'"

echo "$checked checks, $failures failed"
[[ $failures -eq 0 ]]
