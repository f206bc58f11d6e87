#!/bin/sh
# Runs every cmocka unit-test binary in $1 and prints their totals.
# Output: one "unit: N passed, N failed" line; exit 1 on any failure.
dir=${1:-build/tests}
pass=0; fail=0
for t in "$dir"/test_*; do
  [ -x "$t" ] || continue
  out=$("$t" 2>&1); rc=$?
  # a binary may run several groups: add up every group's summary
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed before its summary
  if [ "$f" -ne 0 ]; then printf '%s\n' "$out"; echo "FAILED: $t"; fi
  pass=$((pass + p)); fail=$((fail + f))
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
