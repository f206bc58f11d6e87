#!/usr/bin/env python3
"""make bench, store stage: ingest throughput into SQLite and PostgreSQL,
and query latency on a database of >= 1 million events.

1. `sitrep analyze` turns ../shared/corpora/fakes.jsonl into bundles once.
2. Ingest: `sitrep ingest --bundles` of those bundles into a fresh SQLite
   file and a fresh PostgreSQL database (tests/pg.sh starts a private
   server when SITREP_PG_URL is unset); median documents/s over --runs.
3. Latency: bench/replay_bundles.py replays the coded events with shifted
   ids and dates until the SQLite database holds >= --events events; then
   build/bench/store_bench runs 1,000 `events` queries (one actor, a
   90-day window, one page of 100: with sources as the CLI answers, slim
   as GET /api/events answers, and the slim answer's next page by cursor)
   and 1,000 `relations --at` queries in-process and prints p50/p99.  The same replay goes into PostgreSQL
   when --pg-events is given (it is slower to build).
4. HTTP: wrk (Debian) drives `sitrep serve` on the big database for 30 s
   with events queries by actor and date range; requests/s, p50 and p99.
Results go to bench/out/store.json.  Big files are removed afterwards.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
SHARED = os.environ.get("SITREP_SHARED", os.path.join(ROOT, "..", "shared"))
SITREP = os.path.join(ROOT, "sitrep")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def count_events(path):
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            n += len(json.loads(line)["events"])
    return n


def reset_pg(url):
    sh(["psql", "-q", url, "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"],
       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def ingest_time(target, bundles):
    t0 = time.perf_counter()
    sh([SITREP, "ingest", "-q", "--bundles", "--db", target, bundles])
    return time.perf_counter() - t0


def wrk_run(db, seconds):
    port = 18600 + os.getpid() % 1000
    srv = subprocess.Popen([SITREP, "serve", "--db", db, "--port", str(port), "--read-only"],
                           stderr=subprocess.DEVNULL)
    try:
        time.sleep(2.0)
        lua = os.path.join(OUT, "wrk-events.lua")
        with open(lua, "w") as f:
            f.write(WRK_SCRIPT)
        p = subprocess.run(["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", "-s", lua,
                            f"http://127.0.0.1:{port}"], capture_output=True, text=True)
        return p.stdout
    finally:
        srv.terminate()
        srv.wait()


# Each request asks for one actor's events in a 90-day window, walking
# through actors and months so the cache does not answer everything.
WRK_SCRIPT = r"""
local actors = {"Islamic%20State", "Military%20Forces%20of%20Syria", "Government%20of%20Syria",
  "Military%20Forces%20of%20Russia", "Jabhat%20al-Nusra", "Syrian%20Democratic%20Forces"}
local n = 0
request = function()
  n = n + 1
  local y = 2011 + (n * 7) % 40
  local m = 1 + (n * 5) % 9
  local path = string.format("/api/events?actor=%s&from=%04d-%02d-01&to=%04d-%02d-28&limit=100",
    actors[1 + n % #actors], y, m, y, m + 3)
  return wrk.format("GET", path)
end
"""


def wrk_ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") \
        else float(v[:-1]) * 1000


def parse_wrk(text):
    rps = p50 = p99 = None
    for line in text.splitlines():
        s = line.split()
        if line.strip().startswith("Requests/sec:"):
            rps = float(s[1])
        if len(s) == 2 and s[0] == "50%":
            p50 = wrk_ms(s[1])
        if len(s) == 2 and s[0] == "99%":
            p99 = wrk_ms(s[1])
    return rps, p50, p99


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--pg-events", type=int, default=0)
    ap.add_argument("--wrk-seconds", type=int, default=30)
    a = ap.parse_args()
    if not os.environ.get("SITREP_PG_URL") and os.path.exists(os.path.join(ROOT, "tests", "pg.sh")):
        # re-run under a private PostgreSQL
        os.execvp("sh", ["sh", os.path.join(ROOT, "tests", "pg.sh"), sys.executable] + sys.argv)
    pg = os.environ.get("SITREP_PG_URL")
    os.makedirs(OUT, exist_ok=True)
    src = os.path.join(SHARED, "corpora", "fakes.jsonl")
    bundles = os.path.join(OUT, "fakes.bundles")
    if not os.path.exists(bundles):
        with open(bundles + ".part", "w") as f:
            sh([SITREP, "analyze", "-q", src], stdout=f)
        os.replace(bundles + ".part", bundles)
    ndocs = sum(1 for _ in open(bundles))
    nev = count_events(bundles)
    res = {"docs": ndocs, "events_per_copy": nev}
    work = tempfile.mkdtemp(prefix="sitrep-bench-", dir=OUT)
    try:
        db = os.path.join(work, "ingest.db")
        ts = []
        for _ in range(a.runs):
            for suf in ("", "-wal", "-shm"):
                if os.path.exists(db + suf):
                    os.remove(db + suf)
            ts.append(ingest_time(db, bundles))
        res["ingest_sqlite_docs_s"] = ndocs / statistics.median(ts)
        if pg:
            ts = []
            for _ in range(a.runs):
                reset_pg(pg)
                ts.append(ingest_time(pg, bundles))
            res["ingest_postgresql_docs_s"] = ndocs / statistics.median(ts)
        # FA-KES repeats some ids: a later version replaces an earlier one,
        # so a copy stores a little fewer events than its bundles hold
        copies = -(-a.events * 105 // (nev * 100))
        replay = os.path.join(work, "replay.jsonl")
        with open(replay, "w") as f:
            sh([sys.executable, os.path.join(ROOT, "bench", "replay_bundles.py"), bundles,
                str(copies)], stdout=f)
        big = os.path.join(work, "big.db")
        t = ingest_time(big, replay)
        import sqlite3
        con = sqlite3.connect(big)
        res["big_events"] = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        res["big_clusters"] = con.execute("SELECT COUNT(*) FROM clusters").fetchone()[0]
        con.close()
        res["big_docs"] = copies * ndocs
        res["big_ingest_sqlite_docs_s"] = copies * ndocs / t
        qb = os.path.join(ROOT, "build", "bench", "store_bench")
        p = subprocess.run([qb, big, "1000"], capture_output=True, text=True, check=True)
        res["sqlite_queries"] = [json.loads(l) for l in p.stdout.splitlines()]
        if pg and a.pg_events:
            reset_pg(pg)
            n = -(-a.pg_events // nev)
            small = os.path.join(work, "replay-pg.jsonl")
            with open(small, "w") as f:
                sh([sys.executable, os.path.join(ROOT, "bench", "replay_bundles.py"), bundles,
                    str(n)], stdout=f)
            t = ingest_time(pg, small)
            res["pg_events"] = n * nev
            res["pg_big_ingest_docs_s"] = n * ndocs / t
            p = subprocess.run([qb, pg, "1000"], capture_output=True, text=True, check=True)
            res["postgresql_queries"] = [json.loads(l) for l in p.stdout.splitlines()]
        if shutil.which("wrk"):
            text = wrk_run(big, a.wrk_seconds)
            rps, p50, p99 = parse_wrk(text)
            res["http_events_requests_s"] = rps
            res["http_events_p50_ms"] = p50
            res["http_events_p99_ms"] = p99
    finally:
        if os.environ.get("SITREP_BENCH_KEEP"):
            print(f"store bench: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(OUT, "store.json"), "w") as f:
        json.dump(res, f, indent=1)
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
