#!/bin/sh
# make test: unit tests, end-to-end golden tests, then the HTTP server's
# tests (API, and the browser when chromium is there); one closing summary.
build=${1:-build}
u=$(sh tests/run-unit.sh "$build/tests"); urc=$?
printf '%s\n' "$u"
e=$(sh tests/e2e/run.sh "$build/sitrep"); erc=$?
printf '%s\n' "$e"
w=$(sh tests/serve/run.sh "$build/sitrep"); wrc=$?
printf '%s\n' "$w"
d=$(sh tests/e2e/store.sh "$build/sitrep"); drc=$?
printf '%s\n' "$d"
w=$(printf '%s\n%s\n' "$w" "$d")
up=$(printf '%s\n' "$u" | sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
ep=$(printf '%s\n' "$e" | sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
wp=$(printf '%s\n' "$w" | sed -n 's/^\(serve\|browser\|store\): \([0-9]*\) passed, \([0-9]*\) failed.*/\2 \3/p' | tr '\n' ' ')
set -- $up $ep
p=$(( ${1:-0} + ${3:-0} )); f=$(( ${2:-0} + ${4:-0} ))
set -- $wp
while [ $# -ge 2 ]; do p=$((p + $1)); f=$((f + $2)); shift 2; done
{ [ "$urc" -ne 0 ] || [ "$erc" -ne 0 ] || [ "$wrc" -ne 0 ] || [ "$drc" -ne 0 ]; } && [ "$f" -eq 0 ] && f=1
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
