#!/usr/bin/env bash
# tests/cli/png_check.sh: pngProblem FILE WxH checks that FILE starts with the PNG signature and an IHDR chunk
# of that size; prints the problem and returns 1 otherwise. Sourced by the drivers, or run directly.

# The first 24 bytes of a PNG: 8-byte signature, IHDR length (13), "IHDR", width and height (big-endian).
pngProblem() {
  local file=$1 size=$2
  if [[ ! -f $file ]]; then echo "$file: not written"; return 1; fi
  if [[ ! -s $file ]]; then echo "$file: empty"; return 1; fi
  local hex
  hex=$(od -An -tx1 -N24 -v -- "$file" | tr -d ' \n')
  if [[ ${hex:0:16} != 89504e470d0a1a0a ]]; then echo "$file: no PNG signature (${hex:0:16})"; return 1; fi
  if [[ ${hex:16:16} != 0000000d49484452 ]]; then echo "$file: first chunk is not IHDR"; return 1; fi
  local width=$((16#${hex:32:8})) height=$((16#${hex:40:8}))
  if [[ "${width}x${height}" != "$size" ]]; then
    echo "$file: PNG is ${width}x${height}, expected $size"
    return 1
  fi
  return 0
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  [[ $# -eq 2 ]] || { echo "usage: png_check.sh FILE WxH" >&2; exit 2; }
  pngProblem "$1" "$2" || exit 1
  echo "$1: PNG $2"
fi
