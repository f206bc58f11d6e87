#!/bin/sh
# Tests of `sitrep serve` over HTTP on 127.0.0.1: every API endpoint, bad
# parameters (400 naming the parameter), the ingest token (401), read-only
# mode (403), body limits (413), static files without path traversal,
# methods (405), concurrency and a clean SIGTERM.  Then, when node, chromium
# and playwright-core are at hand, the browser test (browser.mjs).
# Usage: tests/serve/run.sh BIN
# Prints "serve: N passed, N failed" and "browser: ..." (or why it was
# skipped); exits 1 on any failure.  Every request and wait is bounded.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SITREP_SHARED:-$root/../shared}
tmp=$(mktemp -d)
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
cd "$root" || exit 1

# ---- a database: the test articles, plus the seeds when present ----
inputs="$here/articles.jsonl"
[ -f "$shared/seeds/seeds.jsonl" ] && inputs="$inputs $shared/seeds/seeds.jsonl"
# shellcheck disable=SC2086
if ! timeout 300 "$bin" ingest -q --db "$tmp/t.db" $inputs >"$tmp/ingest.log" 2>&1; then
  cat "$tmp/ingest.log"; echo "serve: 0 passed, 1 failed"; exit 1
fi
timeout 120 "$bin" analyze -q "$here/articles.jsonl" >"$tmp/bundles.jsonl" 2>/dev/null

# A free port: the kernel's pick for a throwaway socket.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start NAME ARGS...: runs sitrep serve in the background, waits (10 s at
# most) until it answers; sets $port and records the pid.
start() {
  name=$1; shift
  port=$(free_port)
  "$bin" serve --db "$tmp/t.db" --port "$port" "$@" >"$tmp/$name.log" 2>&1 &
  eval "pid_$name=$!"
  pids="$pids $!"
  i=0
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then echo "serve $name did not start:"; cat "$tmp/$name.log"; return 1; fi
    sleep 0.1
  done
}

# req METHOD PATH [curl args...]: sets $code and writes the body to $tmp/body
req() {
  m=$1; p=$2; shift 2
  code=$(curl -s --max-time 20 --path-as-is -X "$m" -o "$tmp/body" -w '%{http_code}' "$@" "http://127.0.0.1:$port$p")
}
# expect NAME CODE METHOD PATH [curl args...]
expect() {
  name=$1; want=$2; shift 2
  req "$@"
  if [ "$code" = "$want" ]; then ok; else bad "$name: HTTP $code, want $want ($(head -c 300 "$tmp/body"))"; fi
}
# json NAME PYTHON-EXPRESSION: tests the last body, parsed as d
json() {
  if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
      "$tmp/body" "$2" 2>"$tmp/pyerr"; then ok; else bad "$1: $2 ($(head -c 300 "$tmp/body"))"; fi
}
# err NAME WORD: the last body is {"error": ...} mentioning WORD
err() { json "$1" "'error' in d and '$2' in d['error']"; }

token=test-token-$$-abcdef
start main --token "$token" --max-body 65536 -j 4 || { echo "serve: $pass passed, $((fail + 1)) failed"; exit 1; }
grep -q "serving" "$tmp/main.log" && ok || bad "start-up line names the address"
grep -q "ingest token" "$tmp/main.log" && bad "a given token is not printed" || ok

# ---- the page and its files ----
expect "index" 200 GET /
grep -q '<title>sitrep</title>' "$tmp/body" && ok || bad "index is the page"
ctype=$(curl -s -o /dev/null -w '%{content_type}' "http://127.0.0.1:$port/app.js")
case $ctype in text/javascript*) ok ;; *) bad "app.js content type: $ctype" ;; esac
expect "style.css" 200 GET /style.css
expect "map data" 200 GET /map/syria.json
json "map has 14 governorates" "len([g for g in d['governorates'] if not g['undof']]) == 14"
csp=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/" | tr -d '\r' | grep -i '^content-security-policy:')
case $csp in *"default-src 'self'"*) ok ;; *) bad "page sent with a same-origin CSP: $csp" ;; esac
expect "traversal ../" 404 GET /../Makefile
expect "traversal encoded" 404 GET /%2e%2e/Makefile
expect "traversal into ui" 404 GET /ui/index.html
expect "no directory listing" 404 GET /map/
expect "unknown file" 404 GET /etc/passwd

# ---- events ----
expect "events" 200 GET /api/events
json "events list shape" "isinstance(d['items'], list) and d['count'] == len(d['items']) and d['limit'] == 100 and d['offset'] == 0"
n_all=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["count"])' "$tmp/body")
[ "${n_all:-0}" -ge 6 ] && ok || bad "events: $n_all events in the test database"
expect "events page 1" 200 GET "/api/events?limit=2"
json "page of 2 with next" "d['count'] == 2 and d['next'] == 2"
expect "events page 2" 200 GET "/api/events?limit=2&offset=2"
json "second page starts at 2" "d['offset'] == 2 and d['count'] >= 1"
cp "$tmp/body" "$tmp/page2"
# the list is slim: sources come with the single event
json "list items carry n_sources, not sources" "all('n_sources' in e and 'sources' not in e for e in d['items'])"
# keyset paging: the cursor of page 1 gives page 2 again
expect "events page 1 for its cursor" 200 GET "/api/events?limit=2"
cursor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cursor"])' "$tmp/body")
case $cursor in *~*) ok ;; *) bad "page 1 has a cursor DATE~ID: $cursor" ;; esac
expect "events after the cursor" 200 GET "/api/events?limit=2&after=$cursor"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(0 if a["items"] == b["items"] else 1)' \
  "$tmp/body" "$tmp/page2" && ok || bad "after=cursor gives the same page as offset=2"
expect "the last page" 200 GET "/api/events?limit=1000"
json "the last page has no cursor" "d['cursor'] is None and d['next'] is None"
expect "events by actor" 200 GET "/api/events?actor=HTS"
json "actor alias HTS finds Hay'at Tahrir al-Sham" "d['count'] >= 1 and all('Tahrir al-Sham' in (e['actor1'] + e['actor2'] + e.get('assoc_actor_1', '') + e.get('assoc_actor_2', '')) for e in d['items'])"
expect "events by type" 200 GET "/api/events?type=Battles"
json "type filter" "d['count'] >= 1 and all(e['event_type'] == 'Battles' for e in d['items'])"
expect "events by dates" 200 GET "/api/events?from=2018-01-01&to=2018-12-31"
json "date filter" "d['count'] >= 1 and all('2018-01-01' <= e['event_date'] <= '2018-12-31' for e in d['items'])"
expect "events by admin1" 200 GET "/api/events?admin1=Idleb"
json "admin1 filter" "d['count'] >= 1 and all(e['admin1'] == 'Idleb' for e in d['items'])"
expect "events near" 200 GET "/api/events?near=Idlib&km=30"
json "near filter" "d['count'] >= 1"
expect "events: url-encoded value" 200 GET "/api/events?actor=Hay%27at%20Tahrir%20al-Sham"
json "encoded actor name" "d['count'] >= 1"
expect "empty value = absent" 200 GET "/api/events?actor=&type="

for case in "limit=0:limit" "limit=1001:limit" "limit=abc:limit" "limit=-5:limit" "offset=-1:offset" \
            "offset=1e3:offset" "from=2017-13-01:from" "from=2017-02-30:from" "to=yesterday:to" \
            "from=2019-01-01%26to=2018-01-01:from" "km=5:km" "near=Idlib%26km=-3:km" "near=Idlib%26km=abc:km" \
            "bogus=1:bogus" "actor=a%26actor=b:actor" "after=x:after" "after=2019-01-01:after" \
            "after=2019-01-01~:after" "after=2019~a%20b:after" "after=x1~abc:after" \
            "after=2019-01-01~ab%26offset=2:after"; do
  q=$(printf '%s' "${case%%:*}" | sed 's/%26/\&/g'); word=${case##*:}
  expect "400 for $q" 400 GET "/api/events?$q"
  err "400 names '$word' for $q" "$word"
done
long=$(python3 -c 'print("x" * 300)')
expect "overlong value" 400 GET "/api/events?actor=$long"
err "overlong value named" actor

# ---- one event, with evidence ----
req GET "/api/events?limit=1&actor=HTS"
eid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["event_id"])' "$tmp/body")
expect "event by id" 200 GET "/api/events/$eid"
json "event has its sources' evidence" "d['event_id'] == '$eid' and any(s.get('evidence') for s in d.get('sources', [])) or d.get('evidence')"
expect "unknown event" 404 GET /api/events/0000000000000000
err "404 names the event" 0000000000000000

# ---- documents ----
expect "documents" 200 GET "/api/documents?limit=2"
json "documents page" "d['count'] == 2 and d['next'] == 2 and all('doc_id' in x for x in d['items'])"
expect "documents bad limit" 400 GET "/api/documents?limit=x"
err "documents 400 names limit" limit
expect "document" 200 GET /api/documents/serve-001
json "document text and evidence" "d['doc_id'] == 'serve-001' and 'Darat Izza' in d['text'] and len(d['evidence']) >= 1"
json "evidence spans are UTF-8 byte offsets into the text" \
  "all(d['text'].encode()[e['start']:e['end']].decode() == e['text'] for e in d['evidence'] if e.get('text') is not None)"
expect "unknown document" 404 GET /api/documents/no-such-doc
expect "document: no parameters" 400 GET "/api/documents/serve-001?x=1"

# ---- actors ----
expect "actors" 200 GET "/api/actors?prefix=Hay"
json "actors by prefix" "any(a.get('id') == 'HTS' for a in d['items'])"
expect "actor profile" 200 GET /api/actors/HTS
json "actor profile" "d.get('id') == 'HTS' and 'name' in d"
expect "actor by alias" 200 GET "/api/actors/Hayat%20Tahrir%20al-Sham"
expect "unknown actor" 404 GET /api/actors/NoSuchActorAtAll
expect "actors bad parameter" 400 GET "/api/actors?name=x"
err "actors 400 names the parameter" name

# ---- relations, control, timeline, network ----
expect "relations at" 200 GET "/api/relations?at=2017-03-01&actor=ZENKI"
json "Zenki in HTS in March 2017" "any(r['type'] == 'member_of' and r.get('subject_id') == 'ZENKI' and r.get('object_id') == 'HTS' for r in d['items'])"
expect "relations in 2020" 200 GET "/api/relations?at=2020-07-01&actor=ZENKI"
json "Zenki out of HTS by 2020" "not any(r['type'] == 'member_of' and r.get('object_id') == 'HTS' for r in d['items'])"
expect "relations bad date" 400 GET "/api/relations?at=2017-02-30"
err "relations 400 names at" at
expect "control" 200 GET "/api/control?at=2019-06-01&admin1=Aleppo"
json "control list" "isinstance(d['items'], list)"
expect "control both place and admin1" 400 GET "/api/control?place=Afrin&admin1=Aleppo"
err "control 400 names place" place
expect "control bad date" 400 GET "/api/control?at=June&place=Afrin"
err "control 400 names at" at
expect "timeline" 200 GET "/api/timeline?actor=HTS"
json "timeline items" "d['count'] >= 1 and all('event_date' in x for x in d['items'])"
expect "timeline bad parameter" 400 GET "/api/timeline?who=HTS"
expect "network" 200 GET "/api/network?at=2017-03-01"
json "network nodes and typed edges" "len(d['nodes']) > 10 and {'member_of', 'hostile'} <= {e['type'] for e in d['edges']} and all(e['source'] in {n['id'] for n in d['nodes']} for e in d['edges'])"
json "network: Zenki member of HTS in 2017" "any(e['type'] == 'member_of' and e['source'] == 'ZENKI' and e['target'] == 'HTS' for e in d['edges'])"
expect "network 2020" 200 GET "/api/network?at=2020-07-01"
json "network: Zenki in the NFL in 2020" "any(e['type'] == 'member_of' and e['source'] == 'ZENKI' and e['target'] == 'NFL' for e in d['edges']) and not any(e['type'] == 'member_of' and e['source'] == 'ZENKI' and e['target'] == 'HTS' for e in d['edges'])"
expect "network bad date" 400 GET "/api/network?at=2017-1-1"
err "network 400 names at" at

# ---- routing ----
expect "unknown endpoint" 404 GET /api/nothing
expect "unknown nested" 404 GET /api/events/a/b/c/../../x
expect "POST on a GET endpoint" 405 POST /api/events
allow=$(curl -s -D - -o /dev/null -X DELETE "http://127.0.0.1:$port/api/events" | tr -d '\r' | grep -i '^allow:')
[ -n "$allow" ] && ok || bad "405 carries Allow"
expect "GET on ingest" 405 GET /api/ingest
expect "PUT on a page" 405 PUT /index.html

# ---- ingest ----
expect "ingest without token" 401 POST /api/ingest --data-binary "@$tmp/bundles.jsonl"
err "401 explains the header" Authorization
expect "ingest wrong token" 401 POST /api/ingest -H "Authorization: Bearer wrong-token-xxxx" --data-binary "@$tmp/bundles.jsonl"
expect "ingest token prefix only" 401 POST /api/ingest -H "Authorization: Bearer ${token%?}" --data-binary "@$tmp/bundles.jsonl"
expect "ingest basic auth" 401 POST /api/ingest -H "Authorization: Basic $token" --data-binary "@$tmp/bundles.jsonl"
expect "ingest bundles again" 200 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/bundles.jsonl"
json "same bundles: unchanged" "d['unchanged'] == 3 and d['added'] == 0 and d['rejected'] == 0"
printf '%s\n' '{"id": "serve-posted", "published": "2019-08-02", "title": "Shelling on Kafr Zita", "text": "Shelling on Kafr Zita\n\nSyrian government forces shelled Kafr Zita in northern Hama on 1 August 2019, killing two civilians, local activists said."}' >"$tmp/new-article.jsonl"
timeout 120 "$bin" analyze -q "$tmp/new-article.jsonl" >"$tmp/new.jsonl" 2>/dev/null
expect "ingest a new bundle" 200 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/new.jsonl"
json "new bundle added" "d['added'] == 1"
expect "posted document is served" 200 GET /api/documents/serve-posted
printf '{"doc_id": "x", "events": [\nnot json\n' >"$tmp/junk.jsonl"
expect "ingest junk" 400 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/junk.jsonl"
json "junk: each bad line named" "d['rejected'] == 2 and [e['line'] for e in d['errors']] == [1, 2]"
printf '{"id": "a1", "published": "2019-08-03", "text": "Shelling on Kafr Zita\\n\\nSyrian government forces shelled Kafr Zita in northern Hama on 2 August 2019, local activists said."}\n' >"$tmp/article.jsonl"
expect "ingest an article (the server runs the pipeline)" 200 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/article.jsonl"
json "article added" "d['added'] == 1 and d['rejected'] == 0"
expect "posted article is served" 200 GET /api/documents/a1
printf '{"id": "a2"}\n' >"$tmp/bad-article.jsonl"
expect "ingest an article without text" 400 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/bad-article.jsonl"
expect "ingest empty" 400 POST /api/ingest -H "Authorization: Bearer $token" --data-binary ""
expect "ingest: no parameters" 400 POST "/api/ingest?x=1" -H "Authorization: Bearer $token" --data-binary "@$tmp/new.jsonl"

# ---- body limits (--max-body 65536) ----
head -c 70000 /dev/zero | tr '\0' 'a' >"$tmp/big"
expect "oversize body (Content-Length)" 413 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/big"
err "413 names the limit" max-body
expect "oversize body (chunked)" 413 POST /api/ingest -H "Authorization: Bearer $token" -H "Transfer-Encoding: chunked" --data-binary "@$tmp/big"
head -c 65536 /dev/zero | tr '\0' '\n' >"$tmp/exact"
expect "body of exactly max-body" 400 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/exact"
expect "server still answers after 413s" 200 GET "/api/events?limit=1"

# ---- concurrency: 40 requests at once, every one answered ----
i=0; : >"$tmp/codes"
while [ $i -lt 40 ]; do
  curl -s --max-time 20 -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/api/events?limit=5&offset=$((i % 7))" >>"$tmp/codes" &
  i=$((i + 1))
done
wait_n=0
while [ "$(wc -l <"$tmp/codes")" -lt 40 ] && [ $wait_n -lt 200 ]; do sleep 0.1; wait_n=$((wait_n + 1)); done
[ "$(grep -c '^200$' "$tmp/codes")" = 40 ] && ok || bad "concurrent requests: $(sort "$tmp/codes" | uniq -c | tr '\n' ' ')"

# ---- clean shutdown on SIGTERM ----
eval "p=\$pid_main"
kill -TERM "$p"
i=0; while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$p" 2>/dev/null; then bad "SIGTERM: still running after 10 s"; else
  wait "$p"; rc=$?
  [ "$rc" = 0 ] && ok || bad "SIGTERM: exit status $rc"
  grep -q "shutting down" "$tmp/main.log" && ok || bad "SIGTERM: shutdown logged"
fi

# ---- read-only ----
start ro --read-only || { echo "serve: $pass passed, $((fail + 1)) failed"; exit 1; }
grep -q "read-only" "$tmp/ro.log" && ok || bad "read-only start-up line"
expect "read-only: queries work" 200 GET "/api/events?limit=1"
expect "read-only: ingest refused" 403 POST /api/ingest -H "Authorization: Bearer $token" --data-binary "@$tmp/new.jsonl"
err "403 says read-only" read-only
eval "p=\$pid_ro"
kill -INT "$p"; wait "$p"; rc=$?
[ "$rc" = 0 ] && ok || bad "SIGINT: exit status $rc"

# ---- start-up errors ----
"$bin" serve --db "$tmp/t.db" --port 70000 >"$tmp/err" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q -- "--port" "$tmp/err" && ok || bad "bad port: exit $rc"
"$bin" serve --db "$tmp/t.db" --listen 999.1.1.1 --port "$(free_port)" >"$tmp/err" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "999.1.1.1" "$tmp/err" && ok || bad "bad address: exit $rc"
"$bin" serve --db "$tmp/none/x.db" --read-only --port "$(free_port)" >"$tmp/err" 2>&1; rc=$?
[ "$rc" = 2 ] && ok || bad "missing read-only database: exit $rc"
"$bin" serve --token short >"$tmp/err" 2>&1; rc=$?
[ "$rc" = 2 ] && ok || bad "short token refused: exit $rc"

echo "serve: $pass passed, $fail failed"
api_failed=$fail

# ---- the browser ----
if [ -n "$SITREP_NO_BROWSER" ]; then
  echo "browser: skipped (SITREP_NO_BROWSER set)"
elif ! command -v node >/dev/null 2>&1; then
  echo "browser: skipped (no node)"
elif [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "browser: skipped (no chromium; apt-get install chromium)"
else
  if [ ! -d "$here/node_modules/playwright-core" ]; then
    (cd "$here" && timeout 300 npm install --no-audit --no-fund --silent >/dev/null 2>&1)
  fi
  if [ ! -d "$here/node_modules/playwright-core" ]; then
    echo "browser: skipped (npm could not install playwright-core)"
  else
    start web || exit 1
    out="$root/tests/out/serve"
    (cd "$here" && timeout 300 node browser.mjs "http://127.0.0.1:$port" "$out") || api_failed=$((api_failed + 1))
    eval "p=\$pid_web"
    kill -TERM "$p"; wait "$p" || { echo "FAIL: browser's server exit status $?"; api_failed=$((api_failed + 1)); }
  fi
fi
# under make asan: any sanitizer report from a server is a failure
if grep -l -e 'Sanitizer' -e 'runtime error:' "$tmp"/*.log >/dev/null 2>&1; then
  echo "FAIL: sanitizer report from sitrep serve:"; grep -h -A8 -e 'Sanitizer' -e 'runtime error:' "$tmp"/*.log | head -40
  api_failed=$((api_failed + 1))
fi
[ "$api_failed" -eq 0 ]
