/* sitrep/db.h - one small SQL interface over two backends.
 *
 * The store (store.h) writes its schema and every query once, in the SQL
 * that SQLite 3.40 and PostgreSQL 15 share, and runs it through this layer.
 * That is how both backends keep "the same schema and the same queries".
 *
 *   target "postgresql://..." or "postgres://..."   -> libpq
 *   anything else                                   -> a SQLite file path
 *                                                      (WAL, foreign keys on,
 *                                                      busy timeout 10 s)
 *
 * SQL text uses '?' placeholders, numbered left to right from 1; the
 * PostgreSQL backend rewrites them to $1, $2, ... (outside string
 * literals) and prepares the statement server-side once.
 * Portable-SQL rules the callers follow: BIGINT / DOUBLE PRECISION / TEXT
 * column types, no AUTOINCREMENT, ON CONFLICT ... DO NOTHING/UPDATE for
 * upserts, ISO date strings compared as text.
 *
 * Values cross the boundary as text, 64-bit integers, doubles or NULL;
 * column_text of a NULL is NULL.  Result values stay valid until the next
 * sr_stmt_step / reset / finalize on that statement.
 * Errors: SR_EIO (or SR_ENOMEM) with the backend's message in
 * sr_db_error().  Thread safety: one sr_db per thread. */
#ifndef SITREP_DB_H
#define SITREP_DB_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sr_db_backend { SR_DB_SQLITE = 0, SR_DB_POSTGRES } sr_db_backend;

typedef struct sr_db sr_db;
typedef struct sr_stmt sr_stmt;

/* Opens TARGET.  READONLY != 0 opens SQLite read-only and sets PostgreSQL
 * sessions to default_transaction_read_only.  On failure *OUT is NULL and
 * ERR names the target and the reason. */
sr_status sr_db_open(sr_db **out, const char *target, int readonly, char *err, size_t errlen);
void sr_db_close(sr_db *db);
sr_db_backend sr_db_kind(const sr_db *db);
/* The last error message ("" when none). */
const char *sr_db_error(const sr_db *db);

/* Runs SQL without parameters or results; may hold several statements
 * separated by ';'. */
sr_status sr_db_exec(sr_db *db, const char *sql);
sr_status sr_db_begin(sr_db *db);
sr_status sr_db_commit(sr_db *db);
sr_status sr_db_rollback(sr_db *db);

/* One statement per prepare (SR_EINVAL otherwise).  PostgreSQL checks the
 * SQL (tables, columns) here, as SQLite does. */
sr_status sr_db_prepare(sr_db *db, const char *sql, sr_stmt **out);
/* I is 1-based.  Text is copied; LEN may be (size_t)-1 for strlen.
 * Binding a statement that has already stepped resets it first. */
sr_status sr_stmt_bind_text(sr_stmt *s, int i, const char *text, size_t len);
sr_status sr_stmt_bind_int(sr_stmt *s, int i, int64_t v);
sr_status sr_stmt_bind_double(sr_stmt *s, int i, double v);
sr_status sr_stmt_bind_null(sr_stmt *s, int i);
/* Executes on the first call, then moves through the rows:
 * 1 = a row is ready, 0 = done, -1 = error (see sr_db_error); after 0 or
 * -1 it returns the same until reset.  Other statements may run between
 * rows; on PostgreSQL that reads the rest of this result into memory
 * first (otherwise rows stream one at a time).  A PostgreSQL error inside
 * a transaction fails the whole transaction: roll back on any error. */
int sr_stmt_step(sr_stmt *s);
/* Ready to run again; bindings are kept until rebound. */
void sr_stmt_reset(sr_stmt *s);
void sr_stmt_finalize(sr_stmt *s);
/* Rows changed by the last INSERT/UPDATE/DELETE run through S. */
int64_t sr_stmt_changes(const sr_stmt *s);

/* Known once a step has returned 1 or 0.  Values are read only while a
 * row is ready (NULL / 0 otherwise). */
int sr_stmt_columns(const sr_stmt *s);
int sr_stmt_is_null(const sr_stmt *s, int col); /* col is 0-based */
const char *sr_stmt_text(const sr_stmt *s, int col);
int64_t sr_stmt_int(const sr_stmt *s, int col);
double sr_stmt_double(const sr_stmt *s, int col);

#ifdef __cplusplus
}
#endif
#endif
