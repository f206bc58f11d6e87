/* sitrep/analyze.h - the whole per-document pipeline in one call, and the
 * "bundle" that carries its result to the store.
 *
 * A bundle is one JSON object per document (docs/SCHEMA.md, "Bundle"):
 *   {"doc_id", "hash", "text", "clean":{...}, "mentions":[...],
 *    "events":[...], "statements":[...], "relations":[...]}
 * where the inner objects are exactly what `sitrep clean`, `entities`,
 * `code`, `code --statements` and `relations` print.  "hash" (16 hex
 * digits) covers the text and the metadata a correction could change, so
 * the store can tell an unchanged re-ingest from a corrected article.
 * Everything is deterministic. */
#ifndef SITREP_ANALYZE_H
#define SITREP_ANALYZE_H

#include "sitrep/relations.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Appends DOC's bundle line (with '\n') from the results of each stage. */
sr_status sr_bundle_write(const sr_kb *kb, const sr_doc *doc, const sr_cleaned *c,
                          const sr_annotation *a, const sr_coding *k,
                          const sr_relation_set *r, sr_buf *b);

/* Cleans, annotates, codes and relates DOC, then appends its bundle.
 * SR_REJECT when the cleaner rejects the document (ERR says why). */
sr_status sr_analyze_doc(const sr_kb *kb, sr_annotator *an, sr_doc *doc, sr_buf *bundle,
                         char *err, size_t errlen);

/* The same for one article given as a JSON line of the reader's format
 * ({"id", "text" or "html", "title", "published", ...}).  DOC is scratch
 * (sr_doc_init'ed by the caller; reset here). */
sr_status sr_analyze_jsonl(const sr_kb *kb, sr_annotator *an, sr_doc *doc, const char *line,
                           size_t len, sr_buf *bundle, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
