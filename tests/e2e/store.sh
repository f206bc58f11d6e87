#!/bin/sh
# Store end-to-end tests (make test): sitrep ingest and the query commands
# on SQLite and, when SITREP_PG_URL is set (tests/pg.sh), PostgreSQL.
#   - the seed picture: Zenki and HTS allied on 2017-12-01, hostile on
#     2018-10-07; HTS holds Atarib on 2019-01-06, with evidence;
#   - dedup: the seeds twice plus two reports of our own of the Atarib
#     takeover leave one Atarib event with three sources;
#   - re-ingest changes nothing; a corrected article replaces its events;
#   - every query in this file answers the same on both backends;
#   - an ingest killed with SIGKILL and run again ends in the same database
#     as an uninterrupted run.
# Usage: sh tests/e2e/store.sh path/to/sitrep.  Prints "store: N passed, M failed".
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SITREP_SHARED:-$root/../shared}
tmp=$(mktemp -d); [ -n "$KEEP" ] && echo "tmp: $tmp"
trap '[ -n "$KEEP" ] || rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
sr() { timeout 300 "$bin" "$@" --cache "$tmp/cache" --data "$root/data"; }
q() { timeout 120 "$bin" "$@"; }
export SITREP_DATA="$root/data" SITREP_CACHE="$tmp/cache"

reset_pg() {
  psql -q "$SITREP_PG_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
}

# every query this file compares across backends
dump() { # DB
  db=$1
  q events --db "$db" --json
  q events --db "$db" --json --actor HTS --from 2018-01-01 --to 2019-12-31
  q events --db "$db" --json --near Atarib --km 10
  q events --db "$db" --json --admin1 Idleb --type Battles
  q relations --db "$db" --at 2017-12-01 --json
  q relations --db "$db" --at 2018-10-07 --json Zenki
  q control --db "$db" Atarib --json
  q control --db "$db" --at 2019-01-06 --admin1 Aleppo --json
  q timeline --db "$db" HTS --json
  q actor --db "$db" Zenki --json
  q documents --db "$db" --json
  q export --db "$db" --format acled-csv
  q export --db "$db" --format geojson
  q export --db "$db" --format graphml --at 2018-10-07
  q export --db "$db" --format dot --at 2017-12-01
}

if [ ! -f "$shared/seeds/seeds.jsonl" ]; then
  echo "  (../shared absent: store tests skipped)"
  echo "store: 0 passed, 0 failed"
  exit 0
fi
seeds=$shared/seeds/seeds.jsonl
reports=$root/tests/fixtures/dedup/atarib-reports.jsonl

# cluster_actors (kept by the ingest) equals what event_actors and
# clusters say it should hold
check_cluster_actors() { # NAME SQLITE-FILE
  python3 - "$2" <<'PY' && ok || bad "$1: cluster_actors matches event_actors and clusters"
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
kept = sorted(con.execute("SELECT actor_id, sort_date, cluster_id, role FROM cluster_actors"))
want = sorted(con.execute(
    "SELECT ea.actor_id, c.sort_date, ea.cluster_id, MIN(ea.role) FROM event_actors ea"
    " JOIN clusters c ON c.cluster_id = ea.cluster_id WHERE ea.actor_id IS NOT NULL"
    " GROUP BY ea.actor_id, c.sort_date, ea.cluster_id"))
assert kept and kept == want, (len(kept), len(want), set(kept) ^ set(want))
PY
}

run_backend() { # NAME DB
  name=$1 db=$2
  sr ingest -q --db "$db" "$seeds" 2>"$tmp/err" || { bad "$name: ingest seeds: $(cat "$tmp/err")"; return; }
  sr ingest -q --db "$db" "$seeds" "$reports" 2>"$tmp/err" || { bad "$name: ingest again: $(cat "$tmp/err")"; return; }
  q relations --db "$db" --at 2017-12-01 Zenki --json >"$tmp/r1"
  python3 - "$tmp/r1" <<'PY' && ok || bad "$name: relations --at 2017-12-01: Zenki and HTS allied"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert any(r["type"] == "allied" and {r["subject_id"], r["object_id"]} == {"HTS", "ZENKI"} for r in rs), rs
assert not any(r["type"] == "hostile" and {r["subject_id"], r["object_id"]} == {"HTS", "ZENKI"} for r in rs)
PY
  q relations --db "$db" --at 2018-10-07 Zenki --json >"$tmp/r2"
  python3 - "$tmp/r2" <<'PY' && ok || bad "$name: relations --at 2018-10-07: Zenki and HTS hostile"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert any(r["type"] == "hostile" and {r["subject_id"], r["object_id"]} == {"HTS", "ZENKI"} for r in rs), rs
assert not any(r["type"] == "allied" and {r["subject_id"], r["object_id"]} == {"HTS", "ZENKI"} for r in rs)
PY
  q control --db "$db" Atarib --at 2019-01-06 --json >"$tmp/c"
  python3 - "$tmp/c" <<'PY' && ok || bad "$name: control Atarib --at 2019-01-06 answers HTS with evidence"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert rs and all(r["subject_id"] == "HTS" for r in rs), rs
assert any("Atarib" in json.dumps(r["evidence"]) or "town" in json.dumps(r["evidence"]) for r in rs), rs
PY
  q events --db "$db" --near Atarib --km 5 --json >"$tmp/a"
  python3 - "$tmp/a" <<'PY' && ok || bad "$name: one Atarib event with three sources"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
at = [e for e in ev if e["location"] == "Atarib"]
assert len(at) == 1, [(e["event_id"], e["sub_event_type"]) for e in at]
assert at[0]["n_sources"] == 3, at[0]
assert len({s["doc_id"] for s in at[0]["sources"]}) == 3, at[0]["sources"]
PY
  dump "$db" >"$tmp/$name.before"
  sr ingest -q --db "$db" "$seeds" "$reports" 2>/dev/null
  dump "$db" >"$tmp/$name.after"
  if cmp -s "$tmp/$name.before" "$tmp/$name.after"; then ok; else bad "$name: re-ingest changed the database"; fi
  # a corrected version of one report replaces its events
  python3 - "$reports" "$tmp/corrected.jsonl" <<'PY'
import json, sys
d = [json.loads(l) for l in open(sys.argv[1])][0]
d["text"] = d["text"].replace("three fighters were killed", "four fighters were killed")
open(sys.argv[2], "w").write(json.dumps(d) + "\n")
PY
  sr ingest --db "$db" "$tmp/corrected.jsonl" 2>"$tmp/err" >/dev/null
  if grep -q "1 replaced" "$tmp/err"; then ok; else bad "$name: corrected report not replaced: $(cat "$tmp/err")"; fi
  q events --db "$db" --near Atarib --km 5 --json >"$tmp/a2"
  python3 - "$tmp/a2" <<'PY' && ok || bad "$name: after the correction: still one event, three sources, lowest toll 4"
import json, sys
at = [e for e in map(json.loads, open(sys.argv[1])) if e["location"] == "Atarib"]
assert len(at) == 1 and at[0]["n_sources"] == 3 and at[0]["fatalities"] == 4, at
PY
  dump "$db" >"$tmp/$name.final"
  [ "$name" = sqlite ] && check_cluster_actors "$name" "$db"
}

run_backend sqlite "$tmp/s.db"
if [ -n "$SITREP_PG_URL" ]; then
  reset_pg
  run_backend postgresql "$SITREP_PG_URL"
  if cmp -s "$tmp/sqlite.final" "$tmp/postgresql.final"; then ok
  else bad "SQLite and PostgreSQL answer differently"; diff "$tmp/sqlite.final" "$tmp/postgresql.final" | head -5; fi
else
  echo "  (SITREP_PG_URL unset: PostgreSQL store tests skipped)"
fi

# ---- SIGKILL mid-ingest, then run again: same database ----
fakes=$shared/corpora/fakes.jsonl
if [ -f "$fakes" ]; then
  sr ingest -q -j 1 --db "$tmp/whole.db" "$fakes" 2>/dev/null
  check_cluster_actors fakes "$tmp/whole.db"
  dump "$tmp/whole.db" >"$tmp/whole.dump"
  interrupted=0
  for delay in 0.4 0.9 1.6; do
    rm -f "$tmp/k.db" "$tmp/k.db-wal" "$tmp/k.db-shm"
    "$bin" ingest -q -j 1 --db "$tmp/k.db" --data "$root/data" --cache "$tmp/cache" "$fakes" 2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null && interrupted=$((interrupted + 1))
    wait "$pid" 2>/dev/null
    # the killed run left part of the input done and its position recorded
    left=$(timeout 60 "$bin" documents --db "$tmp/k.db" --json 2>/dev/null | wc -l)
    echo "  SIGKILL after ${delay}s: $left documents were in"
    sr ingest -q -j 1 --db "$tmp/k.db" "$fakes" 2>/dev/null
    dump "$tmp/k.db" >"$tmp/k.dump"
    if cmp -s "$tmp/whole.dump" "$tmp/k.dump"; then ok
    else bad "SIGKILL after ${delay}s: the resumed ingest differs from an uninterrupted one"; fi
  done
  if [ "$interrupted" -gt 0 ]; then ok; else bad "no ingest was still running when killed"; fi
fi
echo "store: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
