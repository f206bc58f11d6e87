#!/usr/bin/env python3
"""Replays `sitrep analyze` bundles with shifted ids and dates, to build
large benchmark databases from a small real corpus.

Copy k of every bundle gets doc_id "<id>~k", fresh event and relation ids,
and every date moved k*SHIFT days later (so copies fall into different
months and do not deduplicate into each other).  Copies after the first
drop the document text, the mentions, the statements and the evidence
spans (which index the text): the benchmark is
about events and relations, and a 1-million-event database of full texts
would not fit this machine's disk budget.
Usage: replay_bundles.py BUNDLES.jsonl COPIES [SHIFT_DAYS [FIRST_COPY]] > OUT.jsonl
"""
import datetime
import hashlib
import json
import sys


def shift(d, days):
    if not d:
        return d
    try:
        v = datetime.date.fromisoformat(d[:10]) + datetime.timedelta(days=days)
    except ValueError:
        return d
    return v.isoformat()


def new_id(old, k):
    return hashlib.blake2b(f"{old}~{k}".encode(), digest_size=8).hexdigest()


def main():
    src, copies = sys.argv[1], int(sys.argv[2])
    step = int(sys.argv[3]) if len(sys.argv) > 3 else 35
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    bundles = [json.loads(l) for l in open(src, encoding="utf-8")]
    out = sys.stdout
    for k in range(first, first + copies):
        days = k * step
        for b in bundles:
            b2 = dict(b)
            b2["doc_id"] = f"{b['doc_id']}~{k}"
            b2["hash"] = new_id(b["hash"], k)
            clean = dict(b["clean"])
            clean["doc_id"] = b2["doc_id"]
            clean["published"] = shift(clean.get("published"), days)
            if k:
                b2["text"] = ""
                clean["body"] = ""
                clean["body_spans"] = []
                clean["comments"] = []
                clean["boilerplate"] = []
                clean["title_span"] = None
                clean["dateline"] = None
                b2["mentions"] = []
                b2["statements"] = []
            b2["clean"] = clean
            evs = []
            for e in b["events"]:
                e = dict(e)
                e["doc_id"] = b2["doc_id"]
                e["event_id"] = new_id(e["event_id"], k)
                e["event_date"] = shift(e.get("event_date"), days)
                if k:
                    e["evidence"] = [{"start": 0, "end": 0, "text": ""}]
                evs.append(e)
            b2["events"] = evs
            rels = []
            for r in b["relations"]:
                r = dict(r)
                r["doc_id"] = b2["doc_id"]
                r["relation_id"] = new_id(r["relation_id"], k)
                for f in ("valid_from", "valid_to", "observed"):
                    r[f] = shift(r.get(f), days)
                if k:
                    r["evidence"] = {"start": 0, "end": 0, "text": ""}
                rels.append(r)
            b2["relations"] = rels
            out.write(json.dumps(b2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
