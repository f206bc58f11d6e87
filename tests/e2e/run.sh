#!/bin/sh
# End-to-end tests of the sitrep binary: golden cases (tests/golden/*),
# bad-input cases generated on the fly, and - when ../shared is present -
# the accuracy gates on the seed gold and the FA-KES corpus.
# Usage: tests/e2e/run.sh BIN [--update]   (--update rewrites golden output)
# Prints "e2e: N passed, N failed"; exits 1 on any failure.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SITREP_SHARED:-$root/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
# every run is bounded: a hang must fail the suite, not fill the disk
sr() { timeout 300 "$bin" "$@"; }
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect() { # NAME CONDITION-COMMAND...
  name=$1; shift
  if "$@"; then ok; else bad "$name"; fi
}

# ---- golden cases: tests/golden/NAME/{args,expected.jsonl[,expected.rc]} ----
for d in "$root"/tests/golden/*/; do
  [ -f "$d/args" ] || continue
  name=$(basename "$d")
  (cd "$d" && eval "timeout 300 \"$bin\" $(cat args)" >"$tmp/out" 2>"$tmp/err"); rc=$?
  want_rc=0; [ -f "$d/expected.rc" ] && want_rc=$(cat "$d/expected.rc")
  if [ "$update" = --update ]; then
    cp "$tmp/out" "$d/expected.jsonl"; echo "$rc" >"$d/expected.rc"; ok; continue
  fi
  if [ "$rc" != "$want_rc" ]; then bad "golden $name: exit $rc, want $want_rc"; cat "$tmp/err"; continue; fi
  if cmp -s "$tmp/out" "$d/expected.jsonl"; then ok; else
    bad "golden $name: output differs"; diff "$d/expected.jsonl" "$tmp/out" | head -20; fi
  # every span must index the text it claims (checked on text inputs)
done

# ---- bad input: each is named on stderr, the run goes on, summary counts ----
summary() { grep -q "$1 documents read, $2 cleaned, $3 rejected" "$tmp/err"; }
has_err() { grep -q "$1" "$tmp/err"; }

: >"$tmp/empty.txt"
sr clean "$tmp/empty.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
expect "empty file is rejected by name" has_err "empty.txt: empty file"
expect "empty file: exit 1 and summary" sh -c "[ $rc -eq 1 ]"
expect "empty file summary" summary 1 0 1

printf 'ab\000cd\001\002\003binary' >"$tmp/blob.bin"
sr clean "$tmp/blob.bin" >"$tmp/out" 2>"$tmp/err"
expect "binary file rejected" has_err "blob.bin: binary data"

printf 'Title Of A Test Report Here\n\nA report paragraph with a bad byte \377 here, and enough words to count as a report paragraph.\n' >"$tmp/bad-utf8.txt"
sr clean "$tmp/bad-utf8.txt" >"$tmp/out" 2>"$tmp/err"
expect "invalid UTF-8 replaced and reported" grep -q 'invalid UTF-8 at input byte 64' "$tmp/out"
expect "invalid UTF-8 gives U+FFFD" grep -q "$(printf '\357\277\275')" "$tmp/out"

{ echo '{"id":"a","text":"First good record with some words in it."}'
  echo '{"id":"b","text":"broken'
  echo 'not json at all'
  echo '{"id":"c","text":"Third good record, also fine."}'; } >"$tmp/mixed.jsonl"
sr clean "$tmp/mixed.jsonl" >"$tmp/out" 2>"$tmp/err"
expect "malformed JSON line named with its line" has_err "mixed.jsonl:2: malformed JSON"
expect "malformed JSON line 3 named" has_err "mixed.jsonl:3: malformed JSON"
expect "good JSON lines still cleaned" summary 4 2 2

gzip -c "$root/samples/feed.jsonl" >"$tmp/full.jsonl.gz"
for i in 1 2 3 4 5 6 7 8; do cat "$root/samples/feed.jsonl"; done | gzip -c >"$tmp/big.jsonl.gz"
size=$(wc -c <"$tmp/big.jsonl.gz"); head -c $((size - 20)) "$tmp/big.jsonl.gz" >"$tmp/trunc.jsonl.gz"
sr clean "$tmp/trunc.jsonl.gz" >"$tmp/out" 2>"$tmp/err"
expect "truncated gzip named" has_err "trunc.jsonl.gz.*truncated gzip"
expect "records before the truncation kept" sh -c "[ \$(wc -l <'$tmp/out') -ge 10 ]"
sr clean "$tmp/full.jsonl.gz" >"$tmp/out" 2>"$tmp/err"
expect "gzip JSON lines read" summary 2 2 0

python3 - "$tmp/huge.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"id":"huge","text":"' + "x" * (100 * 1024 * 1024) + '"}\n')
    f.write('{"id":"after","text":"The record after the huge one is still read."}\n')
PY
sr clean "$tmp/huge.jsonl" >"$tmp/out" 2>"$tmp/err"
expect "100 MB line rejected by line number" has_err "huge.jsonl:1: line of 104857623 bytes exceeds"
expect "record after the 100 MB line cleaned" summary 2 1 1

python3 -c "
import sys
n=100000
sys.stdout.write('<html><body>' + '<div>'*n + '<p>Deep text that is still a report paragraph with enough words.</p>' + '</div>'*n + '</body></html>')
" >"$tmp/deep.html"
sr clean "$tmp/deep.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
expect "HTML nested 100,000 deep: no crash, no hang" sh -c "[ $rc -eq 0 ] || [ $rc -eq 1 ]"
expect "HTML nested 100,000 deep: accounted for" summary 1 '[01]' '[01]'

mkdir -p "$tmp/dir/sub"
cp "$root/samples/atarib-takeover.txt" "$tmp/dir/a.txt"
cp "$root/samples/feed.jsonl" "$tmp/dir/sub/feed.jsonl"
: >"$tmp/dir/sub/zero.txt"
sr clean "$tmp/dir" >"$tmp/out" 2>"$tmp/err"
expect "directory walk: all files, one rejected" summary 4 3 1

sr clean <"$root/samples/feed.jsonl" >"$tmp/out" 2>"$tmp/err"
expect "standard input sniffed as JSON lines" summary 2 2 0

sr clean /nonexistent/file >"$tmp/out" 2>"$tmp/err"; rc=$?
expect "missing file named" has_err "/nonexistent/file: No such file"
expect "missing file counted" summary 1 0 1

# ---- determinism: same input, byte-identical output ----
sr clean "$root/samples" >"$tmp/o1" 2>/dev/null
sr clean "$root/samples" >"$tmp/o2" 2>/dev/null
expect "output is deterministic" cmp -s "$tmp/o1" "$tmp/o2"

# ---- pathological input: one 100 KB sentence of triggers, places and
# parentheses is coded in bounded time (per-trigger rescans of the
# sentence's places once made this cubic: minutes) ----
python3 -c '
import json
s = "Rebels (FSA) attacked a checkpoint (near Idlib) and shelled (with mortars) positions of the army in Hama, "
print(json.dumps({"id": "long", "text": "Idlib, Syria (SANA) - " + s * 1000 + "end."}))' >"$tmp/long.jsonl"
timeout 60 "$bin" code -q -j1 --cache "$tmp/cache" "$tmp/long.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
expect "a 100 KB sentence of triggers is coded within 60 s" sh -c "[ $rc -eq 0 ]"

# ---- spans index the text they claim ----
python3 - "$tmp/o1" "$root/samples" <<'PY' && ok || bad "spans index the original text"
import json, sys, os
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    if d["content_type"] != "text" or not d["origin"].endswith(".txt"):
        continue
    raw = open(d["origin"], "rb").read()
    body = d["body"].encode()
    parts = [raw[s:e] for s, e in d["body_spans"]]
    assert b"\n\n".join(parts) == body, d["doc_id"]
    for c in d["comments"]:
        s, e = c["span"]
        assert c["text"].split()[:3] == raw[s:e].decode().split()[:3], c
PY

# ---- entity recognition on our own blind snippets (tests/blind-entities):
# hand-listed actors and places of 44 short reports, 2011-2025 ----
be=$root/tests/blind-entities
# entity_set SET GOLD MIN_RECALL MIN_PRECISION NAME LABEL
entity_set() {
  sr entities -q --cache "$tmp/cache" "$be/$1.jsonl" >"$tmp/$1.ents" 2>/dev/null
  if python3 "$be/score.py" "$be/$2" "$be/$1.jsonl" "$tmp/$1.ents" \
      --min-recall "$3" --min-precision "$4" >"$tmp/$1.score" 2>&1; then ok; else
    bad "$5 (recall>=$3, precision>=$4)"; fi
  sed "s/^/  $6: /" "$tmp/$1.score"
}
entity_set blind-entities gold.json 0.95 0.97 "blind entities" "blind entities"
entity_set blind-entities-2 gold-2.json 0.95 0.95 "blind entities, second set" "blind entities (2)"
entity_set blind-entities-3 gold-3.json 0.90 0.85 "blind entities, third set" "blind entities (3)"

# ---- accuracy gates on the shared corpora (skipped when absent) ----
if [ -f "$shared/eval/score.py" ]; then
  sr clean "$shared/seeds/seeds.jsonl" >"$tmp/seeds.clean" 2>/dev/null
  python3 "$shared/eval/score.py" "$shared/eval/seeds.gold.json" --docs "$shared/seeds" \
      --clean "$tmp/seeds.clean" --json >"$tmp/score.json"
  python3 - "$tmp/score.json" <<'PY' && ok || bad "seed clean gates (body>=0.98, noise>=0.98, titles 5/5)"
import json, sys
s = json.load(open(sys.argv[1]))
print("  seeds:", {k: s[k] for k in ("clean_body_recall", "clean_noise_excluded", "clean_titles")})
assert s["clean_body_recall"] >= 0.98 and s["clean_noise_excluded"] >= 0.98 and s["clean_titles"] == "5/5"
PY
  sr clean "$shared/corpora/fakes.jsonl" >"$tmp/fakes.clean" 2>"$tmp/err"
  expect "FA-KES: every record cleaned" summary 804 804 0
  python3 - "$tmp/fakes.clean" "$shared/corpora/fakes.jsonl" <<'PY' && ok || bad "FA-KES: body keeps >= 99% of each article's sentences; datelines found"
import json, re, sys
# paired by position: FA-KES repeats some ids
clean = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
worst = 1.0; have = found = 0
for i, l in enumerate(open(sys.argv[2], encoding="utf-8")):
    d = json.loads(l)
    c = clean[i]
    sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", d["text"]) if len(s.split()) >= 4]
    if sents:
        kept = sum(1 for s in sents if s in c["body"]) / len(sents)
        worst = min(worst, kept)
    # a dateline is "printed" when a day-month-year date opens the text
    if re.match(r"^\W*(\w+\W+){0,3}?(\d{1,2}[ .-]\w+[ .-]\d{4}|[A-Z][a-z]+ \d{1,2},? ?\d{4}|\d{1,2}\.\d{2}\.\d{4})", d["text"]):
        have += 1; found += c["dateline"] is not None
print(f"  fakes: worst sentence retention {worst:.3f}; datelines found {found}/{have}")
assert worst >= 0.99 and found >= 0.98 * have
PY
  # entities: recall gates, no mention from comments, anaphor accuracy
  sr entities --cache "$tmp/cache" "$shared/seeds/seeds.jsonl" >"$tmp/seeds.ents" 2>"$tmp/err"
  python3 "$shared/eval/score.py" "$shared/eval/seeds.gold.json" --docs "$shared/seeds" \
      --entities "$tmp/seeds.ents" --json >"$tmp/escore.json"
  python3 - "$tmp/escore.json" <<'PY' && ok || bad "seed entity gates (actors>=0.95, places>=0.95, none from comments)"
import json, sys
s = json.load(open(sys.argv[1]))
print("  seeds:", {k: s[k] for k in ("entities_actor_recall", "entities_place_recall", "entities_from_comments")})
assert s["entities_actor_recall"] >= 0.95 and s["entities_place_recall"] >= 0.95 and s["entities_from_comments"] == 0
PY
  python3 - "$tmp/seeds.ents" "$root/tests/fixtures/anaphora.tsv" <<'PY' && ok || bad "anaphor resolution accuracy >= 0.7 on the seeds"
import json, sys
got = {}
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l)
    if d.get("role") == "anaphor":
        got[(d["doc_id"], d["start"])] = {x for x in (d.get("id"), d.get("id2")) if x}
right = total = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    doc, off, want = line.rstrip("\n").split("\t")
    total += 1
    right += got.get((doc, int(off))) == set(want.split(","))
print(f"  anaphors: {right}/{total} resolved correctly ({right / total:.2f})")
assert right / total >= 0.7
PY
  # events: the seed gates, and sitrep eval agreeing with score.py
  sr code --cache "$tmp/cache" "$shared/seeds/seeds.jsonl" >"$tmp/seeds.events" 2>"$tmp/err"
  python3 "$shared/eval/score.py" "$shared/eval/seeds.gold.json" --docs "$shared/seeds" \
      --events "$tmp/seeds.events" --json >"$tmp/vscore.json"
  python3 - "$tmp/vscore.json" <<'PY' && ok || bad "seed event gates (F1>=0.90, no comments, no negatives, totals right)"
import json, sys
s = json.load(open(sys.argv[1]))
print("  seeds:", {k: s[k] for k in ("events_f1", "events_precision", "events_recall", "events_from_comments", "negatives_hit", "historical_flagged", "hedged_marked")})
assert s["events_f1"] >= 0.90 and s["events_from_comments"] == 0 and s["negatives_hit"] == 0
assert s["doc_fatality_totals_wrong"] == []
PY
  sr eval "$shared/eval/seeds.gold.json" --events "$tmp/seeds.events" --json >"$tmp/veval.json" 2>/dev/null
  python3 "$shared/eval/score.py" "$shared/eval/seeds.gold.json" --events "$tmp/seeds.events" --json >"$tmp/vpy.json"
  expect "sitrep eval agrees with score.py" cmp -s "$tmp/veval.json" "$tmp/vpy.json"
  # our own checks of the coder, scored and gated well below today's figures:
  # tests/blind (blind), tests/blind2 and tests/blind3 (no longer blind:
  # regression gates); event_check SET [MIN_F1]
  event_check() {
    sr code -q --cache "$tmp/cache" "$root/tests/$1/$1.jsonl" >"$tmp/$1.events" 2>/dev/null
    python3 "$shared/eval/score.py" "$root/tests/$1/$1.gold.json" --events "$tmp/$1.events" \
        --json >"$tmp/$1.score.json"
    python3 - "$tmp/$1.score.json" "$1" "${2:-0.80}" <<'PY' && ok || bad "$1 check (F1>=${2:-0.80}, no negatives)"
import json, sys
s = json.load(open(sys.argv[1]))
print(f"  {sys.argv[2]}:", {k: s[k] for k in ("events_f1", "events_precision", "events_recall", "negatives_hit")})
assert s["events_f1"] >= float(sys.argv[3]) and s["negatives_hit"] == 0
PY
  }
  event_check blind
  event_check blind2
  event_check blind3 0.85
  sr code -q --cache "$tmp/cache" -j 1 "$shared/corpora/fakes.jsonl" >"$tmp/f1.events" 2>/dev/null
  sr code --cache "$tmp/cache" -j 2 "$shared/corpora/fakes.jsonl" >"$tmp/f2.events" 2>"$tmp/err"
  expect "FA-KES code: every record coded" grep -q "804 documents read, 804 coded, 0 rejected" "$tmp/err"
  expect "code output identical for 1 and 2 threads" cmp -s "$tmp/f1.events" "$tmp/f2.events"
  sr entities --cache "$tmp/cache" "$shared/corpora/fakes.jsonl" >/dev/null 2>"$tmp/err"
  expect "FA-KES entities: every record annotated" grep -q "804 documents read, 804 annotated, 0 rejected" "$tmp/err"
  # relations: the seed gates, nothing from comments, thread-independent output
  sr relations -q --cache "$tmp/cache" "$shared/seeds/seeds.jsonl" >"$tmp/seeds.rel" 2>/dev/null
  python3 "$shared/eval/score.py" "$shared/eval/seeds.gold.json" --docs "$shared/seeds" \
      --relations "$tmp/seeds.rel" --json >"$tmp/rscore.json"
  python3 - "$tmp/rscore.json" <<'PY' && ok || bad "seed relation gates (recall>=0.90, precision>=0.80)"
import json, sys
s = json.load(open(sys.argv[1]))
print("  seeds:", {k: s[k] for k in ("relations_recall", "relations_precision", "relations_system")})
assert s["relations_recall"] >= 0.90 and s["relations_precision"] >= 0.80
PY
  sr clean -q "$shared/seeds/seeds.jsonl" >"$tmp/seeds.clean" 2>/dev/null
  python3 - "$tmp/seeds.rel" "$tmp/seeds.clean" <<'PY' && ok || bad "every relation's evidence lies in the report body"
import json, sys
body = {}
for l in open(sys.argv[2]):
    d = json.loads(l)
    body[d["doc_id"]] = " ".join(d["body"].split())
for l in open(sys.argv[1]):
    r = json.loads(l)
    assert " ".join(r["evidence"]["text"].split()) in body[r["doc_id"]], r
PY
  sr relations -q --cache "$tmp/cache" -j 1 "$shared/corpora/fakes.jsonl" >"$tmp/r1" 2>/dev/null
  sr relations -q --cache "$tmp/cache" -j 2 "$shared/corpora/fakes.jsonl" >"$tmp/r2" 2>/dev/null
  expect "relations output identical for 1 and 2 threads" cmp -s "$tmp/r1" "$tmp/r2"
else
  echo "  (../shared absent: accuracy gates skipped)"
fi

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
