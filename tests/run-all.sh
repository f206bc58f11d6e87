#!/bin/sh
# make test: unit tests, then end-to-end golden tests; one closing summary.
build=${1:-build}
u=$(sh tests/run-unit.sh "$build/tests"); urc=$?
printf '%s\n' "$u"
e=$(sh tests/e2e/run.sh "$build/sitrep"); erc=$?
printf '%s\n' "$e"
up=$(printf '%s\n' "$u" | sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
ep=$(printf '%s\n' "$e" | sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
set -- $up $ep
p=$(( ${1:-0} + ${3:-0} )); f=$(( ${2:-0} + ${4:-0} ))
[ "$urc" -ne 0 ] || [ "$erc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
