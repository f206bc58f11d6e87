/* db.c - the public SQL interface (db.h): picks a backend by the target's
 * scheme, keeps the error message and the bound parameters, and forwards
 * everything else to the backend's operation table (db_int.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db_int.h"

static int is_pg_target(const char *t)
{
    return strncmp(t, "postgresql://", 13) == 0 || strncmp(t, "postgres://", 11) == 0;
}

sr_status sr_db_open(sr_db **out, const char *target, int readonly, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!out)
        return SR_EINVAL;
    *out = NULL;
    if (!target || !*target) {
        if (err && errlen)
            snprintf(err, errlen, "no database target given");
        return SR_EINVAL;
    }
    if (is_pg_target(target))
        return db_pg_open(out, target, readonly, err, errlen);
    return db_sqlite_open(out, target, readonly, err, errlen);
}

void sr_db_close(sr_db *db)
{
    if (db)
        db->ops->close(db);
}

sr_db_backend sr_db_kind(const sr_db *db)
{
    return db->kind;
}
const char *sr_db_error(const sr_db *db)
{
    return db ? db->err : "no database";
}

void db_set_error(sr_db *db, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
    size_t n = strlen(db->err);
    while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == '\r'))
        db->err[--n] = '\0';
}

sr_status sr_db_exec(sr_db *db, const char *sql)
{
    if (!db || !sql)
        return SR_EINVAL;
    db->err[0] = '\0';
    return db->ops->exec(db, sql);
}

sr_status sr_db_begin(sr_db *db)
{
    if (!db)
        return SR_EINVAL;
    db->err[0] = '\0';
    return db->ops->begin(db);
}

sr_status sr_db_commit(sr_db *db)
{
    if (!db)
        return SR_EINVAL;
    db->err[0] = '\0';
    return db->ops->commit(db);
}

sr_status sr_db_rollback(sr_db *db)
{
    if (!db)
        return SR_EINVAL;
    db->err[0] = '\0';
    return db->ops->rollback(db);
}

sr_status sr_db_prepare(sr_db *db, const char *sql, sr_stmt **out)
{
    if (!out)
        return SR_EINVAL;
    *out = NULL;
    if (!db || !sql)
        return SR_EINVAL;
    db->err[0] = '\0';
    sr_stmt *s = NULL;
    sr_status st = db->ops->prepare(db, sql, &s);
    if (st != SR_OK)
        return st;
    s->db = db;
    if (s->nparams > 0) {
        s->params = calloc((size_t)s->nparams, sizeof *s->params);
        if (!s->params) {
            db->ops->finalize(s);
            db_set_error(db, "out of memory");
            return SR_ENOMEM;
        }
    }
    *out = s;
    return SR_OK;
}

/* Frees what parameter I held and hands it back for a new value.  A
 * statement that has already run is reset first: new bindings always start
 * a new run (SQLite itself refuses to rebind a running statement). */
static db_param *param_slot(sr_stmt *s, int i)
{
    if (!s)
        return NULL;
    if (i < 1 || i > s->nparams) {
        db_set_error(s->db, "parameter %d out of range 1..%d", i, s->nparams);
        return NULL;
    }
    if (s->run != DB_IDLE)
        sr_stmt_reset(s);
    db_param *p = &s->params[i - 1];
    free(p->text);
    memset(p, 0, sizeof *p);
    return p;
}

sr_status sr_stmt_bind_text(sr_stmt *s, int i, const char *text, size_t len)
{
    if (!text)
        return sr_stmt_bind_null(s, i);
    db_param *p = param_slot(s, i);
    if (!p)
        return SR_EINVAL;
    if (len == (size_t)-1)
        len = strlen(text);
    p->text = malloc(len + 1);
    if (!p->text) {
        db_set_error(s->db, "out of memory");
        return SR_ENOMEM;
    }
    memcpy(p->text, text, len);
    p->text[len] = '\0';
    p->len = len;
    p->type = DB_P_TEXT;
    return SR_OK;
}

sr_status sr_stmt_bind_int(sr_stmt *s, int i, int64_t v)
{
    db_param *p = param_slot(s, i);
    if (!p)
        return SR_EINVAL;
    p->type = DB_P_INT;
    p->i = v;
    return SR_OK;
}

sr_status sr_stmt_bind_double(sr_stmt *s, int i, double v)
{
    db_param *p = param_slot(s, i);
    if (!p)
        return SR_EINVAL;
    p->type = DB_P_DOUBLE;
    p->d = v;
    return SR_OK;
}

sr_status sr_stmt_bind_null(sr_stmt *s, int i)
{
    return param_slot(s, i) ? SR_OK : SR_EINVAL;
}

int sr_stmt_step(sr_stmt *s)
{
    if (!s)
        return -1;
    s->has_row = 0;
    if (s->run == DB_DONE)
        return s->done_rc;
    if (s->run == DB_IDLE) {
        s->db->err[0] = '\0';
        s->changes = 0;
    }
    int rc = s->db->ops->step(s);
    s->has_row = rc == 1;
    return rc;
}

void sr_stmt_reset(sr_stmt *s)
{
    if (!s)
        return;
    s->db->ops->reset(s);
    s->run = DB_IDLE;
    s->has_row = 0;
}

void sr_stmt_finalize(sr_stmt *s)
{
    if (!s)
        return;
    db_param *params = s->params;
    int n = s->nparams;
    s->db->ops->finalize(s);
    for (int i = 0; i < n; i++)
        free(params[i].text);
    free(params);
}

int64_t sr_stmt_changes(const sr_stmt *s)
{
    return s ? s->changes : 0;
}

/* Values exist only while a row is ready (SQLite leaves column reads
 * outside a row undefined). */
static int col_ok(const sr_stmt *s, int col)
{
    return s && s->has_row && col >= 0 && col < s->db->ops->columns(s);
}

int sr_stmt_columns(const sr_stmt *s)
{
    return s ? s->db->ops->columns(s) : 0;
}

int sr_stmt_is_null(const sr_stmt *s, int col)
{
    return col_ok(s, col) ? s->db->ops->is_null(s, col) : 1;
}

const char *sr_stmt_text(const sr_stmt *s, int col)
{
    return col_ok(s, col) ? s->db->ops->text(s, col) : NULL;
}

int64_t sr_stmt_int(const sr_stmt *s, int col)
{
    return col_ok(s, col) ? s->db->ops->int64(s, col) : 0;
}

double sr_stmt_double(const sr_stmt *s, int col)
{
    return col_ok(s, col) ? s->db->ops->dbl(s, col) : 0.0;
}
