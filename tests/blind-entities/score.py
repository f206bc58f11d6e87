#!/usr/bin/env python3
"""Score `sitrep entities` on the blind-entities snippets.

usage: score.py GOLD.json DOCS.jsonl ENTS.jsonl [--min-recall R] [--min-precision P] [-v]

Gold lists, per snippet, the actors (text as written, actor id) and places
(text as written, expected ACLED admin1 or ISO country code) a reader names.
A gold item is found when a system mention of the same kind overlaps one of
the places its text occurs in the snippet and resolves right: the same actor
id, or a place in the expected admin1 (or country).  Precision counts named
system mentions (actors other than generic nouns, anaphors and "X-backed";
places): right when they overlap a gold item of their kind and resolve to
it, neutral when they overlap an optional item (id "?" or admin ""), wrong
otherwise.  Exit status 1 when a --min gate fails.
"""
import argparse
import json
import sys


def spans(text, surface):
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((len(text[:i].encode()), len(text[:i].encode()) + len(surface.encode())))
        i = text.find(surface, i + 1)
    return out


COUNTRIES = {"IL": "Israel", "IQ": "Iraq", "JO": "Jordan", "LB": "Lebanon", "TR": "Turkey"}


def resolves(m, want):
    if m["kind"] == "actor":
        return m.get("id") == want or m.get("id2") == want
    if want in COUNTRIES:  # a town abroad carries the ISO code, a country its name
        return m.get("country") in (want, COUNTRIES[want])
    return m.get("admin1") == want


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("docs")
    ap.add_argument("ents")
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("-v", action="store_true", help="list misses and wrong mentions")
    a = ap.parse_args()
    gold = json.load(open(a.gold, encoding="utf-8"))["docs"]
    texts = {}
    for line in open(a.docs, encoding="utf-8"):
        d = json.loads(line)
        texts[d["id"]] = d["text"]
    ments = {}
    for line in open(a.ents, encoding="utf-8"):
        m = json.loads(line)
        if m["kind"] in ("actor", "place") and m.get("role") not in ("generic", "anaphor", "backer"):
            ments.setdefault(m["doc_id"], []).append(m)
    tally = {k: [0, 0, 0, 0] for k in ("actor", "place")}  # found, gold, right, named
    notes = []
    for d in gold:
        text, mine = texts[d["id"]], ments.get(d["id"], [])
        items = [("actor", t, w) for t, w in d["actors"]] + [("place", t, w) for t, w in d["places"]]
        items = [(k, t, w, spans(text, t)) for k, t, w in items]
        for k, t, w, sp in items:
            if not sp:
                sys.exit(f"{d['id']}: gold text {t!r} not in the snippet")
            if w in ("?", ""):
                continue
            tally[k][1] += 1
            hit = any(m["kind"] == k and m["start"] < e and s < m["end"] and resolves(m, w)
                      for m in mine for s, e in sp)
            tally[k][0] += hit
            if not hit:
                notes.append(f"  miss {d['id']} {k} {t!r} ({w})")
        for m in mine:
            over = [(t, w) for k, t, w, sp in items if k == m["kind"]
                    for s, e in sp if m["start"] < e and s < m["end"]]
            if any(w in ("?", "") for t, w in over) and not any(resolves(m, w) for t, w in over):
                continue
            tally[m["kind"]][3] += 1
            if any(resolves(m, w) for t, w in over):
                tally[m["kind"]][2] += 1
            else:
                got = m.get("id") if m["kind"] == "actor" else f"{m.get('name')}, {m.get('admin1') or m.get('country')}"
                notes.append(f"  wrong {d['id']} {m['kind']} {m['text']!r} -> {got}")
    ok = True
    for k, (f, n, r, s) in tally.items():
        rec, prec = f / n if n else 1.0, r / s if s else 1.0
        print(f"{k}s: recall {rec:.3f} ({f}/{n}), precision {prec:.3f} ({r}/{s})")
        ok = ok and rec >= a.min_recall and prec >= a.min_precision
    if a.v:
        print("\n".join(notes))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
