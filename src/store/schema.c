/* schema.c - the store's schema as an ordered list of migrations.
 *
 * schema_version holds one row per applied step.  Opening a writable store
 * applies every step past the stored version, each in its own transaction
 * together with its schema_version row, so an interrupted upgrade leaves the
 * database at a whole step.  A new schema version appends a step here (never
 * edits an applied one), bumps SR_STORE_SCHEMA_VERSION and is described in
 * docs/SCHEMA.md.
 *
 * The DDL is written once.  On PostgreSQL every TEXT column gets the "C"
 * collation, so ORDER BY and comparisons on text are byte-wise as in SQLite
 * (whose default collation is BINARY): the two backends then sort names,
 * ids and dates identically, which byte-identical query output needs.  No
 * foreign keys: the ingest keeps the tables consistent itself, and cluster
 * renaming (dedup.c) would otherwise need deferred constraints, which the
 * two backends declare differently. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

typedef struct migration {
    int version;
    const char *name;
    const char *sql;
} migration;

static const char SCHEMA_V1[] =
    /* one row per stored document version */
    "CREATE TABLE documents ("
    " doc_id TEXT PRIMARY KEY,"
    " hash TEXT NOT NULL,"
    " seq BIGINT NOT NULL,"
    " title TEXT, published TEXT, source TEXT, url TEXT, origin TEXT, content_type TEXT,"
    " title_start BIGINT, title_end BIGINT,"
    " dateline TEXT, dateline_text TEXT, dateline_start BIGINT, dateline_end BIGINT,"
    " text TEXT NOT NULL);"
    "CREATE INDEX documents_seq ON documents (seq);"
    /* body paragraphs, reader comments and removed boilerplate */
    "CREATE TABLE doc_spans ("
    " doc_id TEXT NOT NULL, kind TEXT NOT NULL, seq BIGINT NOT NULL,"
    " start_off BIGINT NOT NULL, end_off BIGINT NOT NULL,"
    " author TEXT, author_start BIGINT, author_end BIGINT, depth BIGINT, parent BIGINT,"
    " reason TEXT,"
    " PRIMARY KEY (doc_id, kind, seq));"
    "CREATE TABLE mentions ("
    " doc_id TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL,"
    " start_off BIGINT NOT NULL, end_off BIGINT NOT NULL, sentence BIGINT,"
    " surface TEXT, actor_id TEXT, role TEXT, attrs TEXT NOT NULL,"
    " PRIMARY KEY (doc_id, seq));"
    "CREATE INDEX mentions_actor ON mentions (actor_id, surface);"
    "CREATE INDEX mentions_surface ON mentions (surface);"
    /* one row per event as one report codes it */
    "CREATE TABLE events ("
    " event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, seq BIGINT NOT NULL,"
    " cluster_id TEXT NOT NULL,"
    " event_date TEXT, time_precision TEXT NOT NULL,"
    " event_type TEXT, sub_event_type TEXT,"
    " actor1 TEXT, actor1_id TEXT, assoc_actor_1 TEXT,"
    " actor2 TEXT, actor2_id TEXT, assoc_actor_2 TEXT,"
    " inter1 BIGINT, inter2 BIGINT, interaction BIGINT,"
    " country TEXT, admin1 TEXT, admin2 TEXT, location TEXT,"
    " latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision BIGINT,"
    " is_area BIGINT NOT NULL,"
    " fatalities BIGINT, source TEXT, certainty TEXT,"
    " historical BIGINT NOT NULL, is_primary BIGINT NOT NULL, notes TEXT,"
    " civilian_targeting BIGINT NOT NULL);"
    "CREATE INDEX events_doc ON events (doc_id);"
    "CREATE INDEX events_cluster ON events (cluster_id, seq);"
    "CREATE INDEX events_match ON events (sub_event_type, admin1, event_date);"
    "CREATE INDEX events_match_loc ON events (sub_event_type, location, event_date);"
    "CREATE INDEX events_seq ON events (seq);"
    "CREATE TABLE event_evidence ("
    " event_id TEXT NOT NULL, seq BIGINT NOT NULL,"
    " start_off BIGINT NOT NULL, end_off BIGINT NOT NULL, text TEXT NOT NULL,"
    " PRIMARY KEY (event_id, seq));"
    "CREATE TABLE event_actors ("
    " event_id TEXT NOT NULL, role TEXT NOT NULL, seq BIGINT NOT NULL,"
    " cluster_id TEXT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL, event_date TEXT,"
    " PRIMARY KEY (event_id, role, seq));"
    "CREATE INDEX event_actors_actor ON event_actors (actor_id, event_date, cluster_id);"
    "CREATE INDEX event_actors_name ON event_actors (actor_name);"
    "CREATE INDEX event_actors_cluster ON event_actors (cluster_id);"
    /* one row per deduplicated event */
    "CREATE TABLE clusters ("
    " cluster_id TEXT PRIMARY KEY, first_seq BIGINT NOT NULL,"
    " event_date TEXT, time_precision TEXT NOT NULL,"
    " event_type TEXT, sub_event_type TEXT,"
    " actor1 TEXT, actor1_id TEXT, assoc_actor_1 TEXT,"
    " actor2 TEXT, actor2_id TEXT, assoc_actor_2 TEXT,"
    " inter1 BIGINT, inter2 BIGINT, interaction BIGINT,"
    " country TEXT, admin1 TEXT, admin2 TEXT, location TEXT,"
    " latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision BIGINT,"
    " fatalities BIGINT, source TEXT, certainty TEXT,"
    " historical BIGINT NOT NULL, is_primary BIGINT NOT NULL, notes TEXT,"
    " civilian_targeting BIGINT NOT NULL, n_sources BIGINT NOT NULL,"
    /* event_date, '' when undated: the two backends put NULLs at opposite
     * ends of a sort, and COALESCE in ORDER BY would defeat the index */
    " sort_date TEXT NOT NULL);"
    "CREATE INDEX clusters_date ON clusters (sort_date, cluster_id);"
    "CREATE INDEX clusters_event_date ON clusters (event_date);"
    "CREATE INDEX clusters_admin ON clusters (admin1, admin2);"
    "CREATE INDEX clusters_geo ON clusters (latitude, longitude);"
    "CREATE INDEX clusters_type ON clusters (event_type);"
    "CREATE INDEX clusters_sub ON clusters (sub_event_type);"
    "CREATE INDEX clusters_location ON clusters (location);"
    "CREATE TABLE statements ("
    " doc_id TEXT NOT NULL, seq BIGINT NOT NULL, type TEXT NOT NULL,"
    " speaker TEXT, speaker_id TEXT, target TEXT, target_id TEXT, stmt_date TEXT,"
    " start_off BIGINT NOT NULL, end_off BIGINT NOT NULL, text TEXT NOT NULL,"
    " PRIMARY KEY (doc_id, seq));"
    "CREATE TABLE actors ("
    " actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, inter BIGINT,"
    " country TEXT, valid_from TEXT, valid_to TEXT);"
    "CREATE INDEX actors_name ON actors (name);"
    /* relation facts as stated: by a document, or curated in the kb */
    "CREATE TABLE facts ("
    " fact_key TEXT PRIMARY KEY, doc_id TEXT, relation_id TEXT, origin TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " subject TEXT NOT NULL, subject_id TEXT, object TEXT, object_id TEXT,"
    " location TEXT, admin1 TEXT, admin2 TEXT,"
    " latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision BIGINT,"
    " valid_from TEXT, from_precision TEXT, valid_to TEXT, observed TEXT,"
    " confidence DOUBLE PRECISION NOT NULL, certainty TEXT,"
    " ev_start BIGINT, ev_end BIGINT, ev_text TEXT,"
    " domain TEXT NOT NULL, eff_start TEXT);"
    "CREATE INDEX facts_doc ON facts (doc_id);"
    "CREATE INDEX facts_domain ON facts (domain, eff_start);"
    /* the relation picture sr_store_finish derives from the facts */
    "CREATE TABLE intervals ("
    " interval_id TEXT PRIMARY KEY, type TEXT NOT NULL,"
    " subject TEXT NOT NULL, subject_id TEXT, object TEXT, object_id TEXT,"
    " location TEXT, admin1 TEXT, admin2 TEXT,"
    " latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision BIGINT,"
    " valid_from TEXT, valid_to TEXT, closed_by TEXT,"
    " confidence DOUBLE PRECISION NOT NULL, n_facts BIGINT NOT NULL, domain TEXT NOT NULL);"
    "CREATE INDEX intervals_subject ON intervals (subject_id, type);"
    "CREATE INDEX intervals_object ON intervals (object_id, type);"
    "CREATE INDEX intervals_place ON intervals (location, admin1);"
    "CREATE INDEX intervals_admin1 ON intervals (admin1, type);"
    "CREATE INDEX intervals_domain ON intervals (domain);"
    /* domains whose facts changed since the last sr_store_finish */
    "CREATE TABLE pending_domains (domain TEXT PRIMARY KEY);"
    "CREATE TABLE interval_facts ("
    " interval_id TEXT NOT NULL, seq BIGINT NOT NULL, fact_key TEXT NOT NULL,"
    " PRIMARY KEY (interval_id, seq));";

/* v2: where a resumable ingest run stands (sitrep ingest over files) */
static const char SCHEMA_V2[] =
    "CREATE TABLE ingest_progress ("
    " run_key TEXT PRIMARY KEY, records BIGINT NOT NULL);";

/* v3: which actors each cluster involves, under the cluster's own date
 * (sort_date), so that one actor's events in a date window are one range
 * of an index, in the order the answer wants.  event_actors carries each
 * report's date, which can be up to a year away from its cluster's.  Kept
 * by store_cluster_refresh (dedup.c); filled here from the stored rows. */
static const char SCHEMA_V3[] =
    "CREATE TABLE cluster_actors ("
    " actor_id TEXT NOT NULL, sort_date TEXT NOT NULL, cluster_id TEXT NOT NULL,"
    " role TEXT NOT NULL);"
    "CREATE INDEX cluster_actors_actor ON cluster_actors (actor_id, sort_date, cluster_id, role);"
    "CREATE INDEX cluster_actors_cluster ON cluster_actors (cluster_id);"
    "INSERT INTO cluster_actors (actor_id, sort_date, cluster_id, role)"
    " SELECT ea.actor_id, c.sort_date, ea.cluster_id, MIN(ea.role) FROM event_actors ea"
    " JOIN clusters c ON c.cluster_id = ea.cluster_id WHERE ea.actor_id IS NOT NULL"
    " GROUP BY ea.actor_id, c.sort_date, ea.cluster_id;";

static const migration migrations[] = {
    {1, "initial schema: documents, events and clusters, relation facts and intervals", SCHEMA_V1},
    {2, "resumable ingest runs", SCHEMA_V2},
    {3, "cluster_actors: each cluster's actors under the cluster's date", SCHEMA_V3},
};

/* The DDL with every TEXT column collated "C" (PostgreSQL). */
static char *pg_ddl(const char *sql)
{
    static const char coll[] = " COLLATE \"C\"";
    size_t n = 0;
    for (const char *p = sql; (p = strstr(p, " TEXT")); p += 5)
        n++;
    char *out = malloc(strlen(sql) + n * (sizeof coll - 1) + 1);
    if (!out)
        return NULL;
    char *o = out;
    const char *p = sql;
    for (const char *q; (q = strstr(p, " TEXT"));) {
        memcpy(o, p, (size_t)(q - p) + 5);
        o += q - p + 5;
        memcpy(o, coll, sizeof coll - 1);
        o += sizeof coll - 1;
        p = q + 5;
    }
    strcpy(o, p);
    return out;
}

static const char SQL_VERSION[] = "SELECT MAX(version) FROM schema_version";
static const char SQL_ADD_VERSION[] = "INSERT INTO schema_version (version, name) VALUES (?, ?)";

sr_status store_schema_check(sr_store *st)
{
    long long v = 0;
    if (store_one_int(st, SQL_VERSION, &v, "") < 0)
        return store_fail(st, SR_EFORMAT, "not a sitrep database (no schema_version table): %s",
                          sr_db_error(st->db));
    if (v != SR_STORE_SCHEMA_VERSION)
        return store_fail(st, SR_EFORMAT,
                          v > SR_STORE_SCHEMA_VERSION
                              ? "database schema version %lld is newer than this sitrep's (%d)"
                              : "database schema version %lld is older than this sitrep's (%d); "
                                "open it writable once to migrate",
                          v, SR_STORE_SCHEMA_VERSION);
    return SR_OK;
}

sr_status store_schema_migrate(sr_store *st)
{
    if (sr_db_exec(st->db, "CREATE TABLE IF NOT EXISTS schema_version ("
                           " version BIGINT PRIMARY KEY, name TEXT NOT NULL)") != SR_OK)
        return store_db_fail(st);
    long long v = 0;
    if (store_one_int(st, SQL_VERSION, &v, "") < 0)
        return SR_EIO;
    if (v > SR_STORE_SCHEMA_VERSION)
        return store_fail(st, SR_EFORMAT,
                          "database schema version %lld is newer than this sitrep's (%d)", v,
                          SR_STORE_SCHEMA_VERSION);
    for (size_t i = 0; i < sizeof migrations / sizeof *migrations; i++) {
        const migration *m = &migrations[i];
        if (m->version <= v)
            continue;
        char *ddl = NULL;
        if (sr_db_kind(st->db) == SR_DB_POSTGRES && !(ddl = pg_ddl(m->sql)))
            return store_fail(st, SR_ENOMEM, "out of memory");
        sr_status rc = store_begin(st);
        if (rc == SR_OK && sr_db_exec(st->db, ddl ? ddl : m->sql) != SR_OK)
            rc = store_db_fail(st);
        if (rc == SR_OK)
            rc = store_run(st, SQL_ADD_VERSION, "it", (long long)m->version, m->name);
        if (rc == SR_OK)
            rc = store_commit(st);
        free(ddl);
        if (rc != SR_OK) {
            char why[sizeof st->msg];
            store_rollback(st);
            memcpy(why, st->msg, sizeof why);
            return store_fail(st, rc, "migration to schema version %d failed: %s", m->version, why);
        }
    }
    return SR_OK;
}
