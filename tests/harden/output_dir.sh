#!/usr/bin/env bash
# tests/harden/output_dir.sh: --output-dir decides where a relative --screenshot FILE is written; a missing
# folder or a file given as the folder is one error line (exit 2) and nothing is written.
#
# Usage: output_dir.sh PROGRAM MODEL WORK_DIR
set -u
[[ $# -eq 3 ]] || { echo "usage: output_dir.sh PROGRAM MODEL WORK_DIR" >&2; exit 2; }
program=$1 model=$2 work=$3
rm -rf "$work" && mkdir -p "$work/pictures" "$work/cwd"
fail() { echo "FAIL: $*"; exit 1; }
cd "$work/cwd" || exit 1
shot=(--headless --no-ui --size 64x48)

"$program" "$model" "${shot[@]}" --output-dir "$work/pictures" --screenshot rel.png 2>"$work/err" ||
  fail "relative screenshot into --output-dir failed: $(cat "$work/err")"
[[ -s $work/pictures/rel.png ]] || fail "no $work/pictures/rel.png"
[[ ! -e $work/cwd/rel.png ]] || fail "rel.png was also written to the working folder"
"$program" "$model" "${shot[@]}" --output-dir "$work/pictures" --screenshot "$work/abs.png" 2>"$work/err" ||
  fail "absolute screenshot with --output-dir failed: $(cat "$work/err")"
[[ -s $work/abs.png && ! -e $work/pictures/abs.png ]] || fail "an absolute --screenshot did not go where typed"
"$program" "$model" "${shot[@]}" --screenshot here.png 2>"$work/err" || fail "plain --screenshot failed"
[[ -s $work/cwd/here.png ]] || fail "without --output-dir a relative --screenshot is not in the working folder"

for bad in "$work/missing" "$work/pictures/rel.png"; do
  "$program" "$model" "${shot[@]}" --output-dir "$bad" --screenshot bad.png >"$work/out" 2>"$work/err"
  status=$?
  [[ $status -eq 2 ]] || fail "--output-dir $bad: exit $status, expected 2"
  [[ $(awk 'END { print NR }' "$work/err") -eq 1 ]] || fail "--output-dir $bad: not one stderr line"
  grep -q '^myorelease: error: --output-dir: ' "$work/err" || fail "--output-dir $bad: $(cat "$work/err")"
  [[ ! -e $work/cwd/bad.png ]] || fail "--output-dir $bad: a picture was written anyway"
done
"$program" --headless --output-dir 2>"$work/err"
[[ $? -eq 2 ]] && grep -q '^myorelease: error: --output-dir' "$work/err" || fail "--output-dir without a value"
echo "ok"
