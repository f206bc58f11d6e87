/* db_int.h - what db.c (the public sr_db_* / sr_stmt_* entry points) shares
 * with the two backends, db_sqlite.c and db_pg.c.
 *
 * Each backend allocates its own handle types with the common struct as the
 * first member, and fills in a table of operations.  The common layer keeps
 * the error message and the bound parameters, so binding is written once:
 * a backend reads s->params when it executes (first step after a reset).
 * Internal to libsitrep. */
#ifndef SR_DB_INT_H
#define SR_DB_INT_H

#include "sitrep/db.h"

/* Longest error message kept; longer backend messages are cut. */
#define DB_ERR_MAX 1024

typedef enum db_param_type { DB_P_NULL = 0, DB_P_TEXT, DB_P_INT, DB_P_DOUBLE } db_param_type;

typedef struct db_param {
    db_param_type type;
    int64_t i;
    double d;
    char *text; /* owned copy, NUL-terminated; len excludes the NUL */
    size_t len;
} db_param;

/* Where a statement is in its run.  Steps after DONE return 0 until reset,
 * on both backends, so callers see one behaviour. */
typedef enum db_run { DB_IDLE = 0, DB_RUNNING, DB_DONE } db_run;

typedef struct db_ops {
    sr_status (*exec)(sr_db *db, const char *sql);
    sr_status (*begin)(sr_db *db);
    sr_status (*commit)(sr_db *db);
    sr_status (*rollback)(sr_db *db);
    /* Allocates the backend statement (base zeroed except what the backend
     * sets: nparams), or fails with the message set on DB. */
    sr_status (*prepare)(sr_db *db, const char *sql, sr_stmt **out);
    int (*step)(sr_stmt *s);
    void (*reset)(sr_stmt *s);
    void (*finalize)(sr_stmt *s); /* frees the backend statement */
    int (*columns)(const sr_stmt *s);
    int (*is_null)(const sr_stmt *s, int col);
    const char *(*text)(const sr_stmt *s, int col);
    int64_t (*int64)(const sr_stmt *s, int col);
    double (*dbl)(const sr_stmt *s, int col);
    void (*close)(sr_db *db); /* frees the backend handle */
} db_ops;

struct sr_db {
    const db_ops *ops;
    sr_db_backend kind;
    int readonly;
    char err[DB_ERR_MAX];
};

struct sr_stmt {
    sr_db *db;
    int nparams;
    db_param *params; /* nparams entries, owned by db.c */
    db_run run;
    int done_rc; /* what steps after DONE return: 0, or -1 after an error */
    int has_row; /* the last step returned 1: column values may be read */
    int64_t changes;
};

/* Ends a run: the backend's step returns db_finish(s, 0 or -1). */
static inline int db_finish(sr_stmt *s, int rc)
{
    s->run = DB_DONE;
    s->done_rc = rc;
    return rc;
}

/* Sets DB's message from a printf format; trailing newlines are dropped
 * (libpq ends its messages with one). */
void db_set_error(sr_db *db, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

sr_status db_sqlite_open(sr_db **out, const char *path, int readonly, char *err, size_t errlen);
sr_status db_pg_open(sr_db **out, const char *uri, int readonly, char *err, size_t errlen);

/* Rewrites '?' placeholders as $1, $2, ... outside string literals, quoted
 * identifiers and comments.  Returns a malloc'd string (NULL when out of
 * memory) and the number of placeholders in *N.  Exposed for the tests of
 * the PostgreSQL backend's SQL handling.  Cost: linear in the SQL. */
char *db_pg_placeholders(const char *sql, int *n);

#endif
