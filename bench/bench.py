#!/usr/bin/env python3
"""make bench: throughput and peak RSS of the sitrep stages.

Builds the benchmark corpus once (bench/out/): ../shared/corpora/fakes.jsonl
repeated with fresh ids to >= 1 GB (and a 100 MB prefix), then times each
command several times and prints medians: MB/s of input, documents/s and
peak RSS (ru_maxrss of the child).  A baseline row (`cat` to /dev/null) is
measured in the same session so figures can be compared across machines.
The "store" stage (bench/store.py) measures ingest into SQLite and
PostgreSQL and query latency on a database of >= 1 million events.
Usage: bench/bench.py [--runs N] [--size-mb M] [--stages clean,read,store]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
SHARED = os.environ.get("SITREP_SHARED", os.path.join(ROOT, "..", "shared"))


def build_corpus(path, target_bytes):
    if os.path.exists(path) and os.path.getsize(path) >= target_bytes:
        return count_lines(path)
    src = os.path.join(SHARED, "corpora", "fakes.jsonl")
    if not os.path.exists(src):
        sys.exit(f"bench: {src} not found (../shared is needed for the benchmark corpus)")
    records = [json.loads(l) for l in open(src, encoding="utf-8")]
    size = n = rep = 0
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        while size < target_bytes:
            for d in records:
                d = dict(d)
                d["id"] = f"{d['id']}-r{rep}"
                line = json.dumps(d, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
                n += 1
            rep += 1
    os.replace(tmp, path)
    return n


def count_lines(path):
    n = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 24), b""):
            n += block.count(b"\n")
    return n


def run_once(cmd):
    """Wall time and peak RSS (MB) of one run.  GNU time measures the RSS
    because ru_maxrss of a child forked from Python counts Python's pages."""
    p = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    lines = p.stderr.decode(errors="replace").strip().splitlines()
    if p.returncode not in (0, 1) or not lines:
        sys.exit(f"bench: {' '.join(cmd)} failed ({p.returncode}): {lines[-5:]}")
    secs, kb = lines[-1].split()
    return float(secs), int(kb) / 1024.0


def measure(name, cmd, path, docs, runs, rows):
    times, rss = [], []
    for _ in range(runs):
        t, r = run_once(cmd)
        times.append(t)
        rss.append(r)
    med = statistics.median(times)
    mb = os.path.getsize(path) / 1e6
    rows.append((name, os.path.basename(path), med, mb / med, docs / med, max(rss), len(times)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--stages", default="read,clean,entities,code,store")
    ap.add_argument("--events", type=int, default=1_000_000,
                    help="store stage: events in the query-latency database")
    a = ap.parse_args()
    stages = a.stages.split(",")
    if "store" in stages:
        stages.remove("store")
        a.stages = ",".join(stages)
        run_store = True
    else:
        run_store = False
    if not stages:
        store_stage(a)
        return
    os.makedirs(OUT, exist_ok=True)
    big = os.path.join(OUT, f"fakes-{a.size_mb}m.jsonl")
    small = os.path.join(OUT, "fakes-100m.jsonl")
    nbig = build_corpus(big, a.size_mb * 1024 * 1024)
    nsmall = build_corpus(small, 100 * 1024 * 1024)
    sitrep = os.path.join(ROOT, "sitrep")
    rows = []
    measure("baseline: cat", ["cat", big], big, nbig, a.runs, rows)
    # -j 1: the per-core figures the targets are stated in
    for st in a.stages.split(","):
        measure(f"sitrep {st} -j1", [sitrep, st, "-q", "-j", "1", small], small, nsmall, a.runs, rows)
        if st in ("read", "clean"):  # the 100 MB input is enough for the slower stages
            measure(f"sitrep {st} -j1", [sitrep, st, "-q", "-j", "1", big], big, nbig, a.runs, rows)
    if "code" in a.stages.split(","):
        cores = os.cpu_count() or 1
        measure(f"sitrep code -j{cores}", [sitrep, "code", "-q", small], small, nsmall, a.runs, rows)
    if "code" in a.stages.split(","):
        # events/s and sentences/s from the summary line of one run
        p = subprocess.run([sitrep, "code", "-j", "1", small], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        last = p.stderr.decode().strip().splitlines()[-1]
        sents = int(last.split(":")[1].split()[0])
        events = int(last.split(",")[-1].split()[0])
        med = [r for r in rows if r[0] == "sitrep code -j1"][-1][2]
        print(f"sitrep code on {os.path.basename(small)}: {events} events, {sents} sentences; "
              f"{events / med:.0f} events/s, {sents / med:.0f} sentences/s (median run)")
    if "entities" in a.stages.split(","):
        # start-up: every knowledge file loaded and the matcher built, for one tiny document
        tiny = os.path.join(OUT, "tiny.jsonl")
        with open(tiny, "w") as f:
            f.write('{"id":"t","text":"HTS fighters entered Atarib on Sunday."}\n')
        run_once([sitrep, "entities", "-q", tiny])  # warm the page cache
        times = []
        for _ in range(11):  # GNU time has 10 ms resolution: time it here
            t0 = time.perf_counter()
            subprocess.run([sitrep, "entities", "-q", tiny], stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        times.sort()
        rows.append(("entities start-up", "one tiny document", times[5], 0.0, 0.0, 0.0, 11))
    print(f"{'command':<22} {'input':<20} {'median s':>9} {'MB/s':>8} {'docs/s':>10} {'peak RSS MB':>12} runs")
    for name, inp, med, mbs, dps, rss, n in rows:
        print(f"{name:<22} {inp:<20} {med:9.2f} {mbs:8.1f} {dps:10.0f} {rss:12.1f} {n:4d}")
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump([dict(zip(("command", "input", "median_s", "mb_s", "docs_s", "peak_rss_mb", "runs"), r))
                   for r in rows], f, indent=1)
    if run_store:
        store_stage(a)


def store_stage(a):
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "store.py"), "--runs", str(a.runs),
                    "--events", str(a.events)], check=True)


if __name__ == "__main__":
    main()
