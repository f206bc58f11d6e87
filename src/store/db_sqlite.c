/* db_sqlite.c - the SQLite backend of db.h.
 *
 * One connection per sr_db, opened in WAL mode so readers (the HTTP server,
 * queries) never block the single writer (ingest), with foreign keys on and
 * a 10 s busy timeout so a second writer waits instead of failing at once.
 * synchronous=NORMAL is the setting SQLite recommends with WAL: a commit is
 * durable once the WAL is checkpointed, and a crash never corrupts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db_int.h"

#define SQ_BUSY_MS 10000

typedef struct sq_db {
    sr_db base;
    sqlite3 *conn;
} sq_db;

typedef struct sq_stmt {
    sr_stmt base;
    sqlite3_stmt *st;
    sqlite3_int64 total_before; /* total_changes when this run began */
} sq_stmt;

static sqlite3 *conn_of(const sr_db *db)
{
    return ((const sq_db *)db)->conn;
}
static sqlite3_stmt *st_of(const sr_stmt *s)
{
    return ((const sq_stmt *)s)->st;
}

/* Copies the connection's message onto DB and maps the code. */
static sr_status sq_fail(sr_db *db, int rc)
{
    db_set_error(db, "%s", sqlite3_errmsg(conn_of(db)));
    return (rc & 0xff) == SQLITE_NOMEM ? SR_ENOMEM : SR_EIO;
}

static sr_status sq_exec(sr_db *db, const char *sql)
{
    int rc = sqlite3_exec(conn_of(db), sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? SR_OK : sq_fail(db, rc);
}

/* A writer takes the write lock at BEGIN: a deferred transaction that
 * later upgrades can fail with SQLITE_BUSY without the busy handler ever
 * waiting (SQLite docs, "BEGIN IMMEDIATE").  A read-only handle cannot
 * take that lock, so it begins deferred. */
static sr_status sq_begin(sr_db *db)
{
    return sq_exec(db, db->readonly ? "BEGIN" : "BEGIN IMMEDIATE");
}

static sr_status sq_commit(sr_db *db)
{
    return sq_exec(db, "COMMIT");
}
static sr_status sq_rollback(sr_db *db)
{
    return sq_exec(db, "ROLLBACK");
}

static int only_space(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ';')
        p++;
    return *p == '\0';
}

static sr_status sq_prepare(sr_db *db, const char *sql, sr_stmt **out)
{
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(conn_of(db), sql, -1, &st, &tail);
    if (rc != SQLITE_OK)
        return sq_fail(db, rc);
    if (!st) {
        db_set_error(db, "empty SQL statement");
        return SR_EINVAL;
    }
    if (tail && !only_space(tail)) {
        sqlite3_finalize(st);
        db_set_error(db, "one statement per prepare: text follows the first ';'");
        return SR_EINVAL;
    }
    sq_stmt *s = calloc(1, sizeof *s);
    if (!s) {
        sqlite3_finalize(st);
        db_set_error(db, "out of memory");
        return SR_ENOMEM;
    }
    s->st = st;
    s->base.nparams = sqlite3_bind_parameter_count(st);
    *out = &s->base;
    return SR_OK;
}

/* Hands the common layer's parameters to SQLite at the start of a run.
 * SQLITE_TRANSIENT: SQLite copies the text, so rebinding in db.c can never
 * leave it a dangling pointer. */
static int sq_bind_all(sr_stmt *s)
{
    sqlite3_stmt *st = st_of(s);
    for (int i = 0; i < s->nparams; i++) {
        const db_param *p = &s->params[i];
        int rc;
        switch (p->type) {
        case DB_P_TEXT:
            rc = sqlite3_bind_text64(st, i + 1, p->text, p->len, SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        case DB_P_INT: rc = sqlite3_bind_int64(st, i + 1, p->i); break;
        case DB_P_DOUBLE: rc = sqlite3_bind_double(st, i + 1, p->d); break;
        default: rc = sqlite3_bind_null(st, i + 1); break;
        }
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

static int sq_step(sr_stmt *s)
{
    sq_stmt *q = (sq_stmt *)s;
    sqlite3 *conn = conn_of(s->db);
    if (s->run == DB_IDLE) {
        int rc = sq_bind_all(s);
        if (rc != SQLITE_OK) {
            sq_fail(s->db, rc);
            return db_finish(s, -1);
        }
        q->total_before = sqlite3_total_changes64(conn);
        s->run = DB_RUNNING;
    }
    int rc = sqlite3_step(q->st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE) {
        /* sqlite3_changes keeps the count of the last writing statement on
         * the connection; it is this run's only if this run changed rows. */
        if (sqlite3_total_changes64(conn) != q->total_before)
            s->changes = sqlite3_changes64(conn);
        return db_finish(s, 0);
    }
    sq_fail(s->db, rc);
    return db_finish(s, -1);
}

static void sq_reset(sr_stmt *s)
{
    sqlite3_reset(st_of(s));
}

static void sq_finalize(sr_stmt *s)
{
    sqlite3_finalize(st_of(s));
    free(s);
}

static int sq_columns(const sr_stmt *s)
{
    return sqlite3_column_count(st_of(s));
}

static int sq_is_null(const sr_stmt *s, int col)
{
    return sqlite3_column_type(st_of(s), col) == SQLITE_NULL;
}

static const char *sq_text(const sr_stmt *s, int col)
{
    return (const char *)sqlite3_column_text(st_of(s), col);
}

static int64_t sq_int64(const sr_stmt *s, int col)
{
    return sqlite3_column_int64(st_of(s), col);
}
static double sq_double(const sr_stmt *s, int col)
{
    return sqlite3_column_double(st_of(s), col);
}

static void sq_close(sr_db *db)
{
    /* close_v2: statements the caller forgot keep the connection alive
     * until they are finalized, instead of failing the close. */
    sqlite3_close_v2(conn_of(db));
    free(db);
}

static const db_ops sq_ops = {
    sq_exec,     sq_begin,   sq_commit,  sq_rollback, sq_prepare, sq_step,   sq_reset,
    sq_finalize, sq_columns, sq_is_null, sq_text,     sq_int64,   sq_double, sq_close,
};

sr_status db_sqlite_open(sr_db **out, const char *path, int readonly, char *err, size_t errlen)
{
    sq_db *db = calloc(1, sizeof *db);
    if (!db) {
        if (err && errlen)
            snprintf(err, errlen, "%s: out of memory", path);
        return SR_ENOMEM;
    }
    db->base.ops = &sq_ops;
    db->base.kind = SR_DB_SQLITE;
    db->base.readonly = readonly != 0;
    int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                SQLITE_OPEN_NOMUTEX; /* one sr_db per thread (db.h) */
    int rc = sqlite3_open_v2(path, &db->conn, flags, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db->conn, 1);
        sqlite3_busy_timeout(db->conn, SQ_BUSY_MS);
        /* A read-only handle cannot change the journal mode; it reads a WAL
         * database as it finds it.  The schema read makes a file that is
         * not a database fail here rather than at the first query. */
        if (!readonly)
            rc = sqlite3_exec(db->conn, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db->conn,
                              "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                              "SELECT count(*) FROM sqlite_schema",
                              NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK) {
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", path,
                     db->conn ? sqlite3_errmsg(db->conn) : sqlite3_errstr(rc));
        sqlite3_close_v2(db->conn);
        free(db);
        return (rc & 0xff) == SQLITE_NOMEM ? SR_ENOMEM : SR_EIO;
    }
    *out = &db->base;
    return SR_OK;
}
