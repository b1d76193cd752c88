#!/usr/bin/env bash
# tests/cli/expect.sh: runs one command and checks its exit status, its stdout/stderr lines and the PNG files
# it writes; prints every failed check with the captured output, exits 0 only if all checks pass.
#
# Usage: expect.sh [checks...] -- COMMAND [ARGS...]
#   --exit N              expected exit status (default 0)
#   --stdout-lines N      exact number of stdout lines      --stderr-lines N   the same for stderr
#   --stdout ERE          some stdout line matches ERE      --stderr ERE       the same for stderr
#   --no-stdout ERE       no stdout line matches ERE        --no-stderr ERE    the same for stderr
#   --stderr-prefix TEXT  every stderr line starts with TEXT (literal, for file names with regex characters)
#   --png FILE WxH        FILE is a PNG of that size afterwards (removed before the run, so stale files fail)
#   --absent FILE         FILE does not exist afterwards
#   --timeout SECONDS     kill the command after this long (default 60); a timeout is a failure
#   --skip-unless FILE    exit 77 (CTest's skip) without running anything when FILE does not exist
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/cli/png_check.sh
source "$here/png_check.sh"

exit_expected=0
timeout_s=60
checks=()
pngs=()
absents=()
while [[ $# -gt 0 && $1 != -- ]]; do
  case $1 in
    --exit) exit_expected=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --stdout-lines | --stderr-lines | --stdout | --stderr | --no-stdout | --no-stderr | --stderr-prefix)
      checks+=("$1" "$2"); shift 2 ;;
    --png) pngs+=("$2" "$3"); shift 3 ;;
    --absent) absents+=("$2"); shift 2 ;;
    --skip-unless)
      [[ -e $2 ]] || { echo "skipped: $2 does not exist"; exit 77; }
      shift 2 ;;
    *) echo "expect.sh: unknown check '$1'" >&2; exit 2 ;;
  esac
done
[[ $# -gt 0 ]] && shift  # the --
[[ $# -gt 0 ]] || { echo "expect.sh: no command given" >&2; exit 2; }

for ((i = 0; i < ${#pngs[@]}; i += 2)); do rm -f -- "${pngs[i]}"; done

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
timeout --kill-after=5 "$timeout_s" "$@" >"$out" 2>"$err"
status=$?

failures=()
fail() { failures+=("$1"); }

if [[ $status -eq 124 || $status -eq 137 ]]; then
  fail "timed out after ${timeout_s}s"
elif [[ $status -ne $exit_expected ]]; then
  fail "exit status $status, expected $exit_expected"
fi

lineCount() { awk 'END { print NR }' "$1"; }
streamFile() { [[ $1 == *stdout* ]] && echo "$out" || echo "$err"; }

for ((i = 0; i < ${#checks[@]}; i += 2)); do
  check=${checks[i]} arg=${checks[i + 1]}
  file=$(streamFile "$check")
  case $check in
    --stdout-lines | --stderr-lines)
      n=$(lineCount "$file")
      [[ $n -eq $arg ]] || fail "${check#--}: $n, expected $arg" ;;
    --stdout | --stderr)
      grep -Eq -e "$arg" "$file" || fail "${check#--}: no line matches /$arg/" ;;
    --no-stdout | --no-stderr)
      ! grep -Eq -e "$arg" "$file" || fail "${check#--no-}: a line matches /$arg/ but should not" ;;
    --stderr-prefix)
      [[ -s $err ]] || fail "stderr: empty, expected lines starting with '$arg'"
      while IFS= read -r line || [[ -n $line ]]; do
        [[ $line == "$arg"* ]] || fail "stderr: line '$line' does not start with '$arg'"
      done <"$err" ;;
  esac
done

for ((i = 0; i < ${#pngs[@]}; i += 2)); do
  problem=$(pngProblem "${pngs[i]}" "${pngs[i + 1]}") || fail "$problem"
done
for f in ${absents[@]+"${absents[@]}"}; do
  [[ ! -e $f ]] || fail "$f: exists but should not"
done

if [[ ${#failures[@]} -gt 0 ]]; then
  printf 'FAILED: %s\n' "$*"
  printf '  - %s\n' "${failures[@]}"
  echo "--- stdout ---"; head -c 4000 "$out"
  echo "--- stderr ---"; head -c 4000 "$err"
  exit 1
fi
echo "ok: $*"
exit 0
