#!/bin/sh
# make bench: see bench/bench.py.  Extra arguments go to the driver.
cd "$(dirname "$0")/.." && exec python3 bench/bench.py "$@"
