#!/bin/sh
# make bench-floor: build/bench/floor on a 30 MiB corpus made from FA-KES
# (bench/out/fakes-30m.jsonl, built once, like make bench's corpora).
set -e
cd "$(dirname "$0")/.."
python3 -c 'import sys; sys.path.insert(0, "bench"); import bench; bench.build_corpus("bench/out/fakes-30m.jsonl", 30 * 1024 * 1024)'
exec build/bench/floor bench/out/fakes-30m.jsonl "${RUNS:-5}"
