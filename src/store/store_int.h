/* store_int.h - internals shared by the files of the store module.
 *
 * store.c      handle, statement cache, binding and error helpers, dates
 * schema.c     versioned migrations
 * ingest.c     bundles in, sr_store_load_kb
 * dedup.c      cross-report event clusters
 * intervals.c  sr_store_finish: relation intervals and control
 * query.c      the JSON-lines queries
 * export.c     ACLED CSV, JSONL, GeoJSON, GraphML, DOT
 * table.c      JSON lines rendered as an aligned text table
 *
 * Every SQL text is written once, in the dialect SQLite 3.40 and PostgreSQL
 * 15 share (db.h), and goes through the helpers below. */
#ifndef SR_STORE_INT_H
#define SR_STORE_INT_H

#include <stdint.h>

#include "sitrep/db.h"
#include "sitrep/store.h"

/* Prepared statements kept for the life of the handle, keyed by the address
 * of their (static) SQL text: ingest runs the same few dozen statements for
 * every document, and PostgreSQL then parses each one once. */
#define STORE_STMT_CACHE 96
#define STORE_KEPT 4

struct sr_store {
    sr_db *db;
    const sr_kb *kb; /* may be NULL: names resolve through the actors table */
    int readonly;
    char msg[512];           /* the last failure, reported through ERR */
    char *mention_batch_sql; /* ingest.c: a multi-row INSERT, built once */
    /* query.c: the last few events queries built, kept prepared, since a
     * server asks the same shapes again and again with other values (a
     * first page, then pages by cursor) */
    struct {
        char *sql;
        sr_stmt *stmt;
    } kept[STORE_KEPT];
    unsigned n_kept_next; /* the slot to reuse next, round robin */
    struct {
        const char *sql;
        sr_stmt *stmt;
    } cache[STORE_STMT_CACHE];
    size_t n_cache;
    /* ingest.c: a resumable run's position, written with the next document */
    char progress_key[40];
    long long progress_n;
    int progress_pending;
};

/* --- errors --------------------------------------------------------------
 * Internal functions record why they failed in st->msg and return a status;
 * the public entry points copy st->msg into the caller's ERR. */
sr_status store_fail(sr_store *st, sr_status rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records the backend's message; returns SR_EIO. */
sr_status store_db_fail(sr_store *st);
/* Copies the recorded message (or the status name) into ERR. */
sr_status store_report(sr_store *st, sr_status rc, char *err, size_t errlen);

/* --- statements ----------------------------------------------------------
 * Bind formats, one letter per '?' left to right:
 *   t  const char *        text, NULL binds NULL
 *   i  long long
 *   d  double
 *   I  int has, long long  NULL unless HAS
 *   D  int has, double     NULL unless HAS
 * store_stmt returns the cached statement for SQL (a static string), reset
 * and bound; do not finalize it, and do not use the same SQL again while
 * stepping it. */
sr_stmt *store_stmt(sr_store *st, const char *sql, const char *fmt, ...);
/* The cached statement for SQL, reset, for binding by hand (sr_stmt_bind_*)
 * when a statement has too many parameters for a format string. */
sr_stmt *store_cached(sr_store *st, const char *sql);
/* Runs a cached statement to completion. */
sr_status store_run(sr_store *st, const char *sql, const char *fmt, ...);
/* A one-off statement (dynamic SQL) the caller finalizes. */
sr_stmt *store_prepare(sr_store *st, const char *sql, const char *fmt, ...);
/* One step: 1 row, 0 done, -1 error (recorded in st->msg). */
int store_step(sr_store *st, sr_stmt *s);
/* Column text, NULL for SQL NULL. */
const char *store_text(sr_stmt *s, int col);
/* A single value of the first row: 1 found, 0 no row, -1 error. */
int store_one_int(sr_store *st, const char *sql, long long *out, const char *fmt, ...);

sr_status store_begin(sr_store *st);
sr_status store_commit(sr_store *st);
void store_rollback(sr_store *st);

/* --- dates ---------------------------------------------------------------
 * Dates are stored as ISO "YYYY-MM-DD" text, which sorts and compares
 * correctly as text on both backends. */
#define STORE_DATE_LEN 11 /* "YYYY-MM-DD" + NUL */
/* Days since 1970-01-01 of an ISO date (YYYY-MM-DD); 0 on success. */
int store_date_days(const char *iso, long *days);
void store_days_date(long days, char out[STORE_DATE_LEN]);
/* Normalises "YYYY", "YYYY-MM" or "YYYY-MM-DD" to a full date: the first
 * day of the period, or its last day when LAST.  0 on success, -1 when S is
 * not such a date. */
int store_date_norm(const char *s, int last, char out[STORE_DATE_LEN]);
/* ISO date shifted by DELTA days. */
int store_date_add(const char *iso, long delta, char out[STORE_DATE_LEN]);
/* Rank of a time_precision name: day 1, week 2, month 3, year 4, else 5. */
int store_precision_rank(const char *p);

/* --- names ---------------------------------------------------------------
 * The kb actor id a user or a bundle means by NAME (kb first, then the
 * stored actors table by id or name).  Writes the id into OUT (size n) and
 * returns 1, or returns 0 (unknown) or -1 (database error). */
int store_actor_id(sr_store *st, const char *name, char *out, size_t n);

/* 64-bit FNV-1a, for ids derived from content. */
uint64_t store_hash(uint64_t h, const char *s, size_t n);
#define STORE_HASH_SEED 1469598103934665603ull

/* --- ingest internals (dedup.c) -------------------------------------------
 * Assigns the event EVENT_ID (already inserted with cluster_id = its own
 * id) to an existing cluster or its own, and recomputes that cluster. */
sr_status store_dedup_event(sr_store *st, const char *event_id);
/* Recomputes cluster CLUSTER_ID from its member events: drops it when
 * empty, renames it after its first event, refreshes its fields. */
sr_status store_cluster_refresh(sr_store *st, const char *cluster_id);

/* --- relation facts (ingest.c) ---------------------------------------------
 * One fact row as stored; dates already normalised ("YYYY-MM-DD") or NULL. */
typedef struct store_fact {
    const char *doc_id, *relation_id, *origin, *type;
    const char *subject, *subject_id, *object, *object_id;
    const char *location, *admin1, *admin2; /* controls: the place */
    int has_coords, has_geo_precision;
    double lat, lon;
    long long geo_precision;
    const char *valid_from, *from_precision, *valid_to, *observed;
    double confidence;
    const char *certainty;
    int has_evidence;
    long long ev_start, ev_end;
    const char *ev_text;
} store_fact;
/* Inserts fact F under KEY (an existing KEY is left as it is). */
sr_status store_put_fact(sr_store *st, const char *key, const store_fact *f);
/* allied and hostile hold both ways. */
int store_symmetric(const char *type);
/* The grouping key of an actor: its id, else "~" and its name. */
void store_actor_key(sr_buf *b, const char *id, const char *name);

/* --- output (query.c) ----------------------------------------------------- */
/* The cluster columns every event query selects (alias c), in the order of
 * enum store_ev_col. */
#define STORE_EVENT_COLS                                                                           \
    "c.cluster_id, c.event_date, c.time_precision, c.event_type, c.sub_event_type, c.actor1, "     \
    "c.actor1_id, c.assoc_actor_1, c.actor2, c.actor2_id, c.assoc_actor_2, c.inter1, c.inter2, "   \
    "c.interaction, c.country, c.admin1, c.admin2, c.location, c.latitude, c.longitude, "          \
    "c.geo_precision, c.fatalities, c.source, c.certainty, c.historical, c.is_primary, c.notes, "  \
    "c.civilian_targeting, c.n_sources"
enum store_ev_col {
    EV_ID = 0,
    EV_DATE,
    EV_PREC,
    EV_TYPE,
    EV_SUB,
    EV_ACTOR1,
    EV_ACTOR1_ID,
    EV_ASSOC1,
    EV_ACTOR2,
    EV_ACTOR2_ID,
    EV_ASSOC2,
    EV_INTER1,
    EV_INTER2,
    EV_INTERACTION,
    EV_COUNTRY,
    EV_ADMIN1,
    EV_ADMIN2,
    EV_LOCATION,
    EV_LAT,
    EV_LON,
    EV_GEO_PREC,
    EV_FATALITIES,
    EV_SOURCE,
    EV_CERTAINTY,
    EV_HISTORICAL,
    EV_PRIMARY,
    EV_NOTES,
    EV_CIVILIAN,
    EV_N_SOURCES,
    EV_NCOLS
};

/* One deduplicated event as the iterator hands it out: the cluster's
 * columns as text (NULL for SQL NULL, in the order of enum store_ev_col),
 * its coordinates, the role of the queried actor, and one entry per
 * report that carried it, in ingest order. */
typedef struct store_src {
    char *doc_id, *event_id, *date, *source, *certainty, *title, *url, *published;
    int has_fatalities;
    long long fatalities;
} store_src;

typedef struct store_row {
    char *v[EV_NCOLS];
    double lat, lon;
    int has_coords;
    char *role; /* with an actor filter: actor1, actor2, assoc_actor_1/2 */
    store_src *src;
    size_t n_src, cap_src;
    int slim; /* the query asked for no sources: SRC is empty, not read */
} store_row;

/* Runs the events query Q (or the one event EVENT_ID, cluster or member
 * id, when not NULL), calling EMIT for every matching event in order of
 * date then id, after the near-filter and pagination.  One statement, read
 * once: memory holds one event at a time.  EMIT returns SR_OK to go on. */
typedef sr_status (*store_event_fn)(sr_store *st, const store_row *row, void *ctx);
sr_status store_events_each(sr_store *st, const sr_event_query *q, const char *event_id,
                            store_event_fn emit, void *ctx);
/* One event line (with '\n') for ROW; EVIDENCE adds the evidence spans of
 * every source and the actors of every report. */
sr_status store_event_json(sr_store *st, const store_row *row, int evidence, sr_buf *b);

#endif
