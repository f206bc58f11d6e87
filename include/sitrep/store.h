/* sitrep/store.h - the durable, time-aware picture of the conflict.
 *
 * The store keeps documents (with the text every span indexes, the report
 * and the reader comments), mentions, events, statements and relation facts
 * in SQLite (default) or PostgreSQL (db.h), under one versioned schema
 * (docs/SCHEMA.md).  It is fed "bundles": one JSON object per document as
 * printed by `sitrep analyze` (docs/SCHEMA.md, "Bundle"):
 *
 *   {"doc_id", "hash", "text", "clean":{...}, "mentions":[...],
 *    "events":[...], "statements":[...], "relations":[...]}
 *
 * where clean/mentions/events/statements/relations are exactly the objects
 * `sitrep clean/entities/code/code --statements/relations` print.
 *
 * Ingest is incremental and idempotent: a document whose hash is already
 * stored is skipped; a new hash for a known doc_id replaces every row of
 * the old version.  Each document goes in within one transaction, so a
 * killed ingest leaves whole documents only, and running it again ends in
 * the same database.  Cross-report deduplication joins an event to an
 * existing cluster (same sub-event type, overlapping actors, dates within
 * the coarser precision, same place) and the cluster keeps every source and
 * the lowest (most conservative) toll.
 *
 * Queries write JSON lines into a buffer; the CLI renders them as tables or
 * prints them with --json, the HTTP server returns them as they are.
 * Everything is deterministic: same input order, same database, same
 * output. */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include <stdio.h>

#include "sitrep/buf.h"
#include "sitrep/kb.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SR_STORE_SCHEMA_VERSION 3

typedef struct sr_store sr_store;

/* Opens (creating and migrating when writable) the database at TARGET
 * (path or postgresql:// URI).  KB may be NULL for read-only query use;
 * name resolution then falls back to the stored actor table. */
sr_status sr_store_open(sr_store **out, const char *target, const sr_kb *kb, int readonly,
                        char *err, size_t errlen);
void sr_store_close(sr_store *st);

typedef enum sr_ingest_result {
    SR_INGEST_ADDED = 0,
    SR_INGEST_UNCHANGED,
    SR_INGEST_REPLACED
} sr_ingest_result;

/* Writes the curated actors and relations of KB (idempotent).  On failure
 * sr_store_errmsg says why. */
sr_status sr_store_load_kb(sr_store *st, const sr_kb *kb);
/* Ingests one bundle line.  Bad JSON: SR_EFORMAT with the reason in ERR. */
sr_status sr_store_ingest(sr_store *st, const char *json, size_t len, sr_ingest_result *res,
                          char *err, size_t errlen);
/* Resumable runs.  An ingest over files names its run (RUN_KEY: a hash of
 * the inputs' names, sizes and times) and, before each document, calls
 * sr_store_set_progress with the number of input records handled once
 * that document is in: the position is written in the same transaction as
 * the document (or alone when the document is unchanged).  After a crash
 * or SIGKILL, sr_store_progress tells the next run how many records to skip,
 * so the resumed run replays exactly what the killed one had not done and
 * ends in the same database as an uninterrupted run - even when the input
 * holds two versions of one document.  sr_store_progress_clear ends a run. */
sr_status sr_store_progress(sr_store *st, const char *run_key, long long *records);
void sr_store_set_progress(sr_store *st, const char *run_key, long long records);
sr_status sr_store_progress_clear(sr_store *st, const char *run_key);
/* Recomputes the relation intervals and control picture from all stored
 * facts (run once after a batch of ingests; idempotent).  Only the actor
 * pairs, places and groups whose facts changed since the last call are
 * recomputed.  On failure sr_store_errmsg says why. */
sr_status sr_store_finish(sr_store *st);
/* Why the last sr_store_load_kb or sr_store_finish failed ("" when it did
 * not).  Owned by ST, valid until the next call on it. */
const char *sr_store_errmsg(const sr_store *st);

typedef struct sr_event_query {
    const char *actor;    /* name or alias or id; NULL = any */
    const char *type;     /* event_type or sub_event_type; NULL = any */
    const char *from, *to;/* ISO dates, inclusive; NULL = open */
    const char *admin1, *admin2;
    const char *near;     /* place name; with km */
    double km;
    size_t limit;         /* 0 = no limit */
    size_t offset;
    /* keyset paging: only events sorting after the one whose sort key is
     * (AFTER_DATE, AFTER_ID): its event_date ("" when undated) and
     * event_id, as sr_store_events prints them; both or neither */
    const char *after_date, *after_id;
    int slim;             /* 1: leave out each event's "sources" list */
} sr_event_query;

/* Query answers are appended to OUT; on failure OUT is left as it was and
 * ERR says why: SR_EINVAL names a bad parameter (an unknown actor or
 * place, a malformed date), SR_DONE means the one thing asked for does not
 * exist, SR_EIO is a database error.  Output fields: docs/SCHEMA.md. */

/* One JSON line per (deduplicated) event, sorted by date then id. */
sr_status sr_store_events(sr_store *st, const sr_event_query *q, sr_buf *out, char *err,
                          size_t errlen);
/* One event (by its id or the id of any report's event in it), with the
 * evidence of every source. */
sr_status sr_store_event(sr_store *st, const char *event_id, sr_buf *out, char *err,
                         size_t errlen);
sr_status sr_store_timeline(sr_store *st, const char *actor, sr_buf *out, char *err,
                            size_t errlen);
sr_status sr_store_actor(sr_store *st, const char *name, sr_buf *out, char *err, size_t errlen);
sr_status sr_store_actors(sr_store *st, const char *prefix, sr_buf *out, char *err,
                          size_t errlen);
/* Relation intervals holding at DATE (NULL = all intervals), optionally
 * those touching ACTOR. */
sr_status sr_store_relations(sr_store *st, const char *date, const char *actor, sr_buf *out,
                             char *err, size_t errlen);
/* Who controls PLACE over time (DATE NULL), or at DATE; or every place of
 * ADMIN1 at DATE when PLACE is NULL. */
sr_status sr_store_control(sr_store *st, const char *place, const char *date,
                           const char *admin1, sr_buf *out, char *err, size_t errlen);
sr_status sr_store_document(sr_store *st, const char *doc_id, sr_buf *out, char *err,
                            size_t errlen);
sr_status sr_store_documents(sr_store *st, size_t limit, size_t offset, sr_buf *out, char *err,
                             size_t errlen);

typedef enum sr_export_format {
    SR_EXPORT_ACLED_CSV = 0,
    SR_EXPORT_JSONL,
    SR_EXPORT_GEOJSON,
    SR_EXPORT_GRAPHML,
    SR_EXPORT_DOT
} sr_export_format;

/* Events matching Q (CSV, JSONL, GeoJSON), or the actor network (GraphML,
 * DOT) at AT, or over [Q->from, Q->to] when AT is NULL: typed relation
 * edges weighted by event counts.  Streams: memory stays flat however many
 * events match. */
sr_status sr_store_export(sr_store *st, sr_export_format f, const sr_event_query *q,
                          const char *at, FILE *out, char *err, size_t errlen);

/* Renders JSON lines (a query's answer, LEN bytes) as an aligned text
 * table of the named COLUMNS (keys, or dotted paths into nested objects),
 * header first; long cells are cut.  Appends to OUT.  SR_EFORMAT when a
 * line is not JSON.  Cost: linear; holds the cells until written. */
sr_status sr_store_table(const char *jsonl, size_t len, const char *const *columns,
                         size_t ncols, sr_buf *out);
/* Renders each JSON line as a block of "key  value" lines (arrays of
 * objects one indented line per element), for one event, actor or
 * document.  Appends to OUT. */
sr_status sr_store_record(const char *jsonl, size_t len, sr_buf *out);

#ifdef __cplusplus
}
#endif
#endif
