/* db_pg.c - the PostgreSQL backend of db.h, over libpq.
 *
 * Each sr_stmt is one server-side prepared statement ("sr_<n>", unique per
 * connection), run with text-format parameters.  Rows arrive in libpq's
 * single-row mode, so a large result costs the memory of one row at a time.
 *
 * A libpq connection carries one command at a time, while SQLite lets a
 * caller read rows of one statement and run others in between.  To keep
 * that freedom, the statement whose rows are streaming is the connection's
 * "active" one; anything else that needs the connection first reads the
 * rest of the active result into one compact PGresult held by that
 * statement ("spilling"), which later steps read from.  Only interleaved
 * use pays that memory.  Resetting or finalizing a statement mid-result
 * reads and discards the rest of it: cancelling instead would abort the
 * surrounding transaction.  Cost: the unread rows cross the network once.
 *
 * Statements finalized while the connection cannot run DEALLOCATE (busy
 * streaming, or inside a failed transaction) are remembered and
 * deallocated at the next exec, prepare, commit or rollback. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store/db_int.h"

/* "%.17g" prints any double so that it reads back bit for bit. */
#define PG_NUM_MAX 32

typedef struct pg_stmt pg_stmt;

typedef struct pg_db {
    sr_db base;
    PGconn *conn;
    pg_stmt *active; /* statement whose result is still on the wire */
    unsigned long long next_id;
    unsigned long long *stale; /* ids of statements left to DEALLOCATE */
    size_t n_stale, cap_stale;
    locale_t c_numeric; /* parse numbers as the server prints them,
                           whatever the caller's locale */
} pg_db;

struct pg_stmt {
    sr_stmt base;
    unsigned long long id;
    int ncols;     /* known after the first result; else 0 */
    PGresult *cur; /* result holding the current row */
    int cur_row;
    PGresult *spill_rows; /* rows read ahead by a spill */
    PGresult *spill_tail; /* the final result read by a spill */
    int spill_lost;       /* a spill ran out of memory: the run fails */
    const char **values;  /* nparams parameter strings for libpq */
    char *numbuf;         /* nparams * PG_NUM_MAX digits */
};

static pg_db *pdb(sr_db *db)
{
    return (pg_db *)db;
}

static void stmt_name(char *out, size_t n, unsigned long long id)
{
    snprintf(out, n, "sr_%llu", id);
}

/* Message of a failed result, "primary message (detail)"; without a result
 * the connection's own message (lost connection, out of memory). */
static sr_status pg_fail(sr_db *db, const PGresult *r)
{
    const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *detail = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : NULL;
    if (msg && detail)
        db_set_error(db, "%s (%s)", msg, detail);
    else if (msg)
        db_set_error(db, "%s", msg);
    else if (r && *PQresultErrorMessage(r))
        db_set_error(db, "%s", PQresultErrorMessage(r));
    else
        db_set_error(db, "%s", PQerrorMessage(pdb(db)->conn));
    if (!*db->err)
        db_set_error(db, "PostgreSQL command failed");
    return SR_EIO;
}

/* Reads whatever is left of the current command and drops it.  COPY
 * states would never end by themselves, so they are ended here (no sitrep
 * SQL uses COPY). */
static void pg_discard_rest(PGconn *conn)
{
    PGresult *r;
    while ((r = PQgetResult(conn)) != NULL) {
        ExecStatusType t = PQresultStatus(r);
        PQclear(r);
        if (t == PGRES_COPY_IN) {
            PQputCopyEnd(conn, "COPY is not supported by sitrep");
        } else if (t == PGRES_COPY_OUT) {
            char *buf;
            while (PQgetCopyData(conn, &buf, 0) > 0)
                PQfreemem(buf);
        } else if (t == PGRES_COPY_BOTH || PQstatus(conn) == CONNECTION_BAD) {
            break;
        }
    }
}

/* Keeps one streamed row in Q's spill result; 0 when out of memory. */
static int spill_row(pg_stmt *q, const PGresult *r)
{
    if (!q->spill_rows && !(q->spill_rows = PQcopyResult(r, PG_COPYRES_ATTRS)))
        return 0;
    int t = PQntuples(q->spill_rows), nf = PQnfields(r);
    for (int f = 0; f < nf; f++) {
        int isnull = PQgetisnull(r, 0, f);
        if (!PQsetvalue(q->spill_rows, t, f, isnull ? NULL : PQgetvalue(r, 0, f),
                        isnull ? -1 : PQgetlength(r, 0, f)))
            return 0;
    }
    return 1;
}

/* Frees the connection for another command: the active statement's
 * remaining results move into its spill. */
static void pg_release(pg_db *db)
{
    pg_stmt *q = db->active;
    if (!q)
        return;
    db->active = NULL;
    PGresult *r;
    while (!q->spill_lost && (r = PQgetResult(db->conn)) != NULL) {
        ExecStatusType t = PQresultStatus(r);
        if (t == PGRES_SINGLE_TUPLE) {
            int ok = spill_row(q, r);
            PQclear(r);
            if (!ok)
                q->spill_lost = 1;
        } else if (!q->spill_tail && t != PGRES_COPY_IN && t != PGRES_COPY_OUT) {
            q->spill_tail = r;
        } else {
            PQclear(r);
            q->spill_lost = 1;
        }
    }
    if (q->spill_lost) {
        pg_discard_rest(db->conn);
        PQclear(q->spill_rows);
        PQclear(q->spill_tail);
        q->spill_rows = q->spill_tail = NULL;
    }
}

static void pg_deallocate(pg_db *db, unsigned long long id)
{
    char sql[48], name[32];
    stmt_name(name, sizeof name, id);
    snprintf(sql, sizeof sql, "DEALLOCATE %s", name);
    PQclear(PQexec(db->conn, sql));
}

/* The connection can run DEALLOCATE now: idle on the wire and not in a
 * failed transaction (where every command but ROLLBACK is refused). */
static int pg_can_deallocate(const pg_db *db)
{
    return !db->active && PQstatus(db->conn) == CONNECTION_OK &&
           PQtransactionStatus(db->conn) != PQTRANS_INERROR;
}

static void pg_flush_stale(pg_db *db)
{
    if (!db->n_stale || !pg_can_deallocate(db))
        return;
    for (size_t i = 0; i < db->n_stale; i++)
        pg_deallocate(db, db->stale[i]);
    db->n_stale = 0;
}

static sr_status pg_run(sr_db *db, const char *sql, PGresult **keep)
{
    pg_db *p = pdb(db);
    pg_release(p);
    pg_flush_stale(p);
    PGresult *r = PQexec(p->conn, sql);
    ExecStatusType t = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    sr_status st = SR_OK;
    if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK && t != PGRES_EMPTY_QUERY)
        st = pg_fail(db, r);
    if (t == PGRES_COPY_IN || t == PGRES_COPY_OUT)
        pg_discard_rest(p->conn);
    if (keep && st == SR_OK)
        *keep = r;
    else
        PQclear(r);
    return st;
}

static sr_status pg_exec(sr_db *db, const char *sql)
{
    return pg_run(db, sql, NULL);
}
static sr_status pg_begin(sr_db *db)
{
    return pg_run(db, "BEGIN", NULL);
}

/* COMMIT of a transaction that had a failed statement succeeds on the
 * wire but reports ROLLBACK: that is a failure to the caller. */
static sr_status pg_commit(sr_db *db)
{
    PGresult *r = NULL;
    sr_status st = pg_run(db, "COMMIT", &r);
    if (st == SR_OK && strcmp(PQcmdStatus(r), "ROLLBACK") == 0) {
        db_set_error(db, "transaction rolled back: a statement in it had failed");
        st = SR_EIO;
    }
    PQclear(r);
    pg_flush_stale(pdb(db));
    return st;
}

static sr_status pg_rollback(sr_db *db)
{
    sr_status st = pg_run(db, "ROLLBACK", NULL);
    pg_flush_stale(pdb(db));
    return st;
}

/* Walks SQL once, copying it to OUT (when not NULL) with each placeholder
 * '?' replaced by $n.  Skipped: '...' literals ('' escapes a quote; in
 * E'...' a backslash escapes too), "..." identifiers, -- comments and
 * nested block comments.  Returns the output length; *N the count. */
static size_t scan_placeholders(const char *sql, char *out, int *n)
{
    size_t o = 0;
    int count = 0;
#define EMIT(c)                                                                                    \
    do {                                                                                           \
        char ch_ = (c); /* evaluated once: callers pass *p++ */                                    \
        if (out)                                                                                   \
            out[o] = ch_;                                                                          \
        o++;                                                                                       \
    } while (0)
    for (const char *p = sql; *p;) {
        char c = *p;
        if (c == '?') {
            char num[16];
            int k = snprintf(num, sizeof num, "$%d", ++count);
            for (int j = 0; j < k; j++)
                EMIT(num[j]);
            p++;
        } else if (c == '\'' || c == '"') {
            int escapes = c == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                          (p - 1 == sql || !(p[-2] == '_' || (p[-2] >= '0' && p[-2] <= '9') ||
                                             ((p[-2] | 0x20) >= 'a' && (p[-2] | 0x20) <= 'z')));
            EMIT(*p++);
            while (*p) {
                if (escapes && *p == '\\' && p[1]) {
                    EMIT(*p++);
                } else if (*p == c) {
                    if (p[1] != c)
                        break;
                    EMIT(*p++);
                }
                EMIT(*p++);
            }
            if (*p)
                EMIT(*p++);
        } else if (c == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                EMIT(*p++);
        } else if (c == '/' && p[1] == '*') {
            int depth = 0;
            do {
                if (p[0] == '/' && p[1] == '*') {
                    depth++;
                    EMIT(*p++);
                } else if (p[0] == '*' && p[1] == '/') {
                    depth--;
                    EMIT(*p++);
                }
                EMIT(*p++);
            } while (*p && depth > 0);
        } else {
            EMIT(*p++);
        }
    }
    EMIT('\0');
#undef EMIT
    *n = count;
    return o;
}

char *db_pg_placeholders(const char *sql, int *n)
{
    size_t len = scan_placeholders(sql, NULL, n);
    char *out = malloc(len);
    if (out)
        scan_placeholders(sql, out, n);
    return out;
}

static void stmt_free(pg_stmt *q)
{
    free(q->values);
    free(q->numbuf);
    free(q);
}

static sr_status pg_prepare(sr_db *db, const char *sql, sr_stmt **out)
{
    pg_db *p = pdb(db);
    int n = 0;
    char *text = db_pg_placeholders(sql, &n);
    pg_stmt *q = calloc(1, sizeof *q);
    if (q && n > 0) {
        q->values = calloc((size_t)n, sizeof *q->values);
        q->numbuf = malloc((size_t)n * PG_NUM_MAX);
    }
    if (!text || !q || (n > 0 && (!q->values || !q->numbuf))) {
        free(text);
        if (q)
            stmt_free(q);
        db_set_error(db, "out of memory");
        return SR_ENOMEM;
    }
    pg_release(p);
    pg_flush_stale(p);
    q->id = p->next_id++;
    q->base.nparams = n;
    char name[32];
    stmt_name(name, sizeof name, q->id);
    PGresult *r = PQprepare(p->conn, name, text, n, NULL);
    free(text);
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
        pg_fail(db, r);
        PQclear(r);
        stmt_free(q);
        return SR_EIO;
    }
    PQclear(r);
    *out = &q->base;
    return SR_OK;
}

/* Fills the libpq parameter array from the common layer's bindings. */
static void pg_param_strings(pg_stmt *q, locale_t c_numeric)
{
    for (int i = 0; i < q->base.nparams; i++) {
        const db_param *prm = &q->base.params[i];
        char *num = q->numbuf + (size_t)i * PG_NUM_MAX;
        switch (prm->type) {
        case DB_P_TEXT: q->values[i] = prm->text; break;
        case DB_P_INT:
            snprintf(num, PG_NUM_MAX, "%lld", (long long)prm->i);
            q->values[i] = num;
            break;
        case DB_P_DOUBLE:
            if (isnan(prm->d))
                snprintf(num, PG_NUM_MAX, "NaN");
            else if (isinf(prm->d))
                snprintf(num, PG_NUM_MAX, "%sInfinity", prm->d < 0 ? "-" : "");
            else {
                /* The caller's locale may write a decimal comma. */
                locale_t old = uselocale(c_numeric);
                snprintf(num, PG_NUM_MAX, "%.17g", prm->d);
                uselocale(old);
            }
            q->values[i] = num;
            break;
        default: q->values[i] = NULL; break;
        }
    }
}

static void note_changes(sr_stmt *s, const PGresult *r)
{
    const char *tag = PQcmdStatus((PGresult *)r);
    if (strncmp(tag, "INSERT", 6) == 0 || strncmp(tag, "UPDATE", 6) == 0 ||
        strncmp(tag, "DELETE", 6) == 0 || strncmp(tag, "MERGE", 5) == 0)
        s->changes = strtoll(PQcmdTuples((PGresult *)r), NULL, 10);
}

static PGresult *next_result(pg_db *db, pg_stmt *q)
{
    PGresult *r;
    if (q->spill_rows) {
        r = q->spill_rows;
        q->spill_rows = NULL;
    } else if (q->spill_tail) {
        r = q->spill_tail;
        q->spill_tail = NULL;
    } else if (db->active == q) {
        if ((r = PQgetResult(db->conn)) == NULL)
            db->active = NULL;
    } else {
        r = NULL;
    }
    return r;
}

static void pg_reset(sr_stmt *s);

static int pg_step(sr_stmt *s)
{
    pg_stmt *q = (pg_stmt *)s;
    pg_db *db = pdb(s->db);
    if (s->run == DB_IDLE) {
        pg_release(db);
        pg_param_strings(q, db->c_numeric);
        char name[32];
        stmt_name(name, sizeof name, q->id);
        if (!PQsendQueryPrepared(db->conn, name, s->nparams, q->values, NULL, NULL, 0)) {
            pg_fail(s->db, NULL);
            return db_finish(s, -1);
        }
        /* Without single-row mode the whole result arrives as one
         * PGresult; the loop below reads either shape. */
        PQsetSingleRowMode(db->conn);
        db->active = q;
        s->run = DB_RUNNING;
    }
    if (q->cur && q->cur_row + 1 < PQntuples(q->cur)) {
        q->cur_row++;
        return 1;
    }
    PQclear(q->cur);
    q->cur = NULL;
    if (q->spill_lost) {
        pg_reset(s);
        db_set_error(s->db, "out of memory keeping rows while another statement ran");
        return db_finish(s, -1);
    }
    for (;;) {
        PGresult *r = next_result(db, q);
        if (!r)
            return db_finish(s, 0);
        switch (PQresultStatus(r)) {
        case PGRES_SINGLE_TUPLE:
        case PGRES_TUPLES_OK:
            q->ncols = PQnfields(r);
            note_changes(s, r);
            if (PQntuples(r) > 0) {
                q->cur = r;
                q->cur_row = 0;
                return 1;
            }
            PQclear(r);
            break;
        case PGRES_COMMAND_OK:
            note_changes(s, r);
            PQclear(r);
            break;
        case PGRES_EMPTY_QUERY: PQclear(r); break;
        default:
            pg_fail(s->db, r);
            PQclear(r);
            pg_reset(s);
            return db_finish(s, -1);
        }
    }
}

static void pg_reset(sr_stmt *s)
{
    pg_stmt *q = (pg_stmt *)s;
    pg_db *db = pdb(s->db);
    PQclear(q->cur);
    PQclear(q->spill_rows);
    PQclear(q->spill_tail);
    q->cur = q->spill_rows = q->spill_tail = NULL;
    q->spill_lost = 0;
    if (db->active == q) {
        db->active = NULL;
        pg_discard_rest(db->conn);
    }
}

static void pg_finalize(sr_stmt *s)
{
    pg_stmt *q = (pg_stmt *)s;
    pg_db *db = pdb(s->db);
    pg_reset(s);
    if (pg_can_deallocate(db)) {
        pg_deallocate(db, q->id);
    } else if (PQstatus(db->conn) == CONNECTION_OK) {
        if (db->n_stale == db->cap_stale) {
            size_t cap = db->cap_stale ? db->cap_stale * 2 : 16;
            unsigned long long *ns = realloc(db->stale, cap * sizeof *ns);
            if (ns) {
                db->stale = ns;
                db->cap_stale = cap;
            }
        }
        /* Out of memory: the statement stays on the server until the
         * session ends, which costs the server a little memory only. */
        if (db->n_stale < db->cap_stale)
            db->stale[db->n_stale++] = q->id;
    }
    stmt_free(q);
}

static int pg_columns(const sr_stmt *s)
{
    const pg_stmt *q = (const pg_stmt *)s;
    return q->cur ? PQnfields(q->cur) : q->ncols;
}

static int pg_is_null(const sr_stmt *s, int col)
{
    const pg_stmt *q = (const pg_stmt *)s;
    return PQgetisnull(q->cur, q->cur_row, col);
}

static const char *pg_text(const sr_stmt *s, int col)
{
    const pg_stmt *q = (const pg_stmt *)s;
    return PQgetisnull(q->cur, q->cur_row, col) ? NULL : PQgetvalue(q->cur, q->cur_row, col);
}

static int64_t pg_col_int(const sr_stmt *s, int col)
{
    const char *v = pg_text(s, col);
    return v ? strtoll(v, NULL, 10) : 0;
}

static double pg_col_double(const sr_stmt *s, int col)
{
    const char *v = pg_text(s, col);
    return v ? strtod_l(v, NULL, pdb(s->db)->c_numeric) : 0.0;
}

static void pg_close(sr_db *db)
{
    pg_db *p = pdb(db);
    PQfinish(p->conn);
    free(p->stale);
    if (p->c_numeric)
        freelocale(p->c_numeric);
    free(p);
}

static const db_ops pg_ops = {
    pg_exec,     pg_begin,   pg_commit,  pg_rollback, pg_prepare, pg_step,       pg_reset,
    pg_finalize, pg_columns, pg_is_null, pg_text,     pg_col_int, pg_col_double, pg_close,
};

/* The library never prints: server notices are dropped. */
static void pg_quiet(void *arg, const char *message)
{
    (void)arg, (void)message;
}

/* Copies URI into OUT with any password replaced by "***", so that error
 * messages can name the target. */
static void redact_uri(const char *uri, char *out, size_t n)
{
    const char *user = strstr(uri, "://"), *at = NULL, *colon = NULL;
    if (user) {
        user += 3;
        size_t authority = strcspn(user, "/?#");
        at = memchr(user, '@', authority);
        colon = at ? memchr(user, ':', (size_t)(at - user)) : NULL;
    }
    if (colon)
        snprintf(out, n, "%.*s:***%s", (int)(colon - uri), uri, at);
    else
        snprintf(out, n, "%s", uri);
    char *pw = strstr(out, "password=");
    if (pw) {
        char rest[256];
        pw += 9;
        snprintf(rest, sizeof rest, "%s", pw + strcspn(pw, "&"));
        snprintf(pw, n - (size_t)(pw - out), "***%s", rest);
    }
}

sr_status db_pg_open(sr_db **out, const char *uri, int readonly, char *err, size_t errlen)
{
    char shown[256];
    redact_uri(uri, shown, sizeof shown);
    pg_db *db = calloc(1, sizeof *db);
    if (db)
        db->c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (!db || !db->c_numeric) {
        if (err && errlen)
            snprintf(err, errlen, "%s: out of memory", shown);
        free(db);
        return SR_ENOMEM;
    }
    db->base.ops = &pg_ops;
    db->base.kind = SR_DB_POSTGRES;
    db->base.readonly = readonly != 0;
    db->next_id = 1;
    db->conn = PQconnectdb(uri);
    if (db->conn && PQstatus(db->conn) == CONNECTION_OK) {
        PQsetNoticeProcessor(db->conn, pg_quiet, NULL);
        /* Text crosses the boundary as UTF-8 whatever the environment's
         * PGCLIENTENCODING says. */
        const char *setup = readonly ? "SET client_min_messages = warning;"
                                       "SET client_encoding = 'UTF8';"
                                       "SET default_transaction_read_only = on"
                                     : "SET client_min_messages = warning;"
                                       "SET client_encoding = 'UTF8'";
        if (pg_run(&db->base, setup, NULL) == SR_OK) {
            *out = &db->base;
            return SR_OK;
        }
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", shown, db->base.err);
    } else if (err && errlen) {
        snprintf(err, errlen, "%s: %s", shown,
                 db->conn ? PQerrorMessage(db->conn) : "out of memory");
        /* libpq's message spans lines; callers print one. */
        size_t k = strlen(err);
        while (k && (err[k - 1] == '\n' || err[k - 1] == ' '))
            err[--k] = '\0';
        for (char *e = err; *e; e++)
            if (*e == '\n' || *e == '\t')
                *e = ' ';
    }
    sr_status st = db->conn ? SR_EIO : SR_ENOMEM;
    pg_close(&db->base);
    return st;
}
