/* store.c - the store handle: opening, the prepared-statement cache, bind
 * helpers, error reporting, and the date arithmetic the other files share. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

sr_status store_schema_migrate(sr_store *st);
sr_status store_schema_check(sr_store *st);

sr_status store_fail(sr_store *st, sr_status rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->msg, sizeof st->msg, fmt, ap);
    va_end(ap);
    return rc;
}

sr_status store_db_fail(sr_store *st)
{
    const char *m = sr_db_error(st->db);
    snprintf(st->msg, sizeof st->msg, "database: %s", m && *m ? m : "unknown error");
    return SR_EIO;
}

sr_status store_report(sr_store *st, sr_status rc, char *err, size_t errlen)
{
    if (rc != SR_OK && err && errlen)
        snprintf(err, errlen, "%s", st->msg[0] ? st->msg : sr_status_str(rc));
    st->msg[0] = '\0';
    return rc;
}

static sr_status bind_va(sr_store *st, sr_stmt *s, const char *fmt, va_list ap)
{
    sr_status rc = SR_OK;
    for (int i = 1; fmt && *fmt && rc == SR_OK; fmt++, i++) {
        switch (*fmt) {
        case 't': {
            const char *v = va_arg(ap, const char *);
            rc = v ? sr_stmt_bind_text(s, i, v, (size_t)-1) : sr_stmt_bind_null(s, i);
            break;
        }
        case 'i': rc = sr_stmt_bind_int(s, i, (int64_t)va_arg(ap, long long)); break;
        case 'd': rc = sr_stmt_bind_double(s, i, va_arg(ap, double)); break;
        case 'I': {
            int has = va_arg(ap, int);
            long long v = va_arg(ap, long long);
            rc = has ? sr_stmt_bind_int(s, i, (int64_t)v) : sr_stmt_bind_null(s, i);
            break;
        }
        case 'D': {
            int has = va_arg(ap, int);
            double v = va_arg(ap, double);
            rc = has ? sr_stmt_bind_double(s, i, v) : sr_stmt_bind_null(s, i);
            break;
        }
        default: return store_fail(st, SR_EINVAL, "internal: bad bind format '%c'", *fmt);
        }
    }
    return rc == SR_OK ? SR_OK : store_db_fail(st);
}

/* Every call site passes its SQL and bind format side by side; a count
 * mismatch is a programming error, caught here rather than as a misbound
 * column. */
static int params_ok(sr_store *st, const char *sql, const char *fmt)
{
    size_t n = 0;
    for (const char *p = sql; *p; p++)
        n += *p == '?';
    if (n == strlen(fmt ? fmt : ""))
        return 1;
    store_fail(st, SR_EINVAL, "internal: %zu parameters bound to \"%.60s...\" (%zu needed)",
               strlen(fmt ? fmt : ""), sql, n);
    return 0;
}

sr_stmt *store_cached(sr_store *st, const char *sql)
{
    for (size_t i = 0; i < st->n_cache; i++)
        if (st->cache[i].sql == sql) {
            sr_stmt_reset(st->cache[i].stmt);
            return st->cache[i].stmt;
        }
    sr_stmt *s = NULL;
    if (sr_db_prepare(st->db, sql, &s) != SR_OK) {
        store_db_fail(st);
        return NULL;
    }
    if (st->n_cache < STORE_STMT_CACHE) {
        st->cache[st->n_cache].sql = sql;
        st->cache[st->n_cache].stmt = s;
        st->n_cache++;
    } else {
        /* The cache is sized for every static statement of the module;
         * running out is a programming error, reported rather than leaked. */
        sr_stmt_finalize(s);
        store_fail(st, SR_ENOMEM, "internal: statement cache full");
        return NULL;
    }
    return s;
}

sr_stmt *store_stmt(sr_store *st, const char *sql, const char *fmt, ...)
{
    if (!params_ok(st, sql, fmt))
        return NULL;
    sr_stmt *s = store_cached(st, sql);
    if (!s)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    sr_status rc = bind_va(st, s, fmt, ap);
    va_end(ap);
    return rc == SR_OK ? s : NULL;
}

sr_stmt *store_prepare(sr_store *st, const char *sql, const char *fmt, ...)
{
    if (!params_ok(st, sql, fmt))
        return NULL;
    sr_stmt *s = NULL;
    if (sr_db_prepare(st->db, sql, &s) != SR_OK) {
        store_db_fail(st);
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    sr_status rc = bind_va(st, s, fmt, ap);
    va_end(ap);
    if (rc != SR_OK) {
        sr_stmt_finalize(s);
        return NULL;
    }
    return s;
}

int store_step(sr_store *st, sr_stmt *s)
{
    int r = sr_stmt_step(s);
    if (r < 0)
        store_db_fail(st);
    return r;
}

sr_status store_run(sr_store *st, const char *sql, const char *fmt, ...)
{
    if (!params_ok(st, sql, fmt))
        return SR_EINVAL;
    sr_stmt *s = store_cached(st, sql);
    if (!s)
        return SR_EIO;
    va_list ap;
    va_start(ap, fmt);
    sr_status rc = bind_va(st, s, fmt, ap);
    va_end(ap);
    if (rc != SR_OK)
        return rc;
    int r;
    while ((r = sr_stmt_step(s)) > 0)
        ;
    return r < 0 ? store_db_fail(st) : SR_OK;
}

int store_one_int(sr_store *st, const char *sql, long long *out, const char *fmt, ...)
{
    if (!params_ok(st, sql, fmt))
        return -1;
    sr_stmt *s = store_cached(st, sql);
    if (!s)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    sr_status rc = bind_va(st, s, fmt, ap);
    va_end(ap);
    if (rc != SR_OK)
        return -1;
    int r = store_step(st, s);
    if (r > 0)
        *out = sr_stmt_is_null(s, 0) ? 0 : (long long)sr_stmt_int(s, 0);
    sr_stmt_reset(s);
    return r;
}

const char *store_text(sr_stmt *s, int col)
{
    return sr_stmt_is_null(s, col) ? NULL : sr_stmt_text(s, col);
}

sr_status store_begin(sr_store *st)
{
    return sr_db_begin(st->db) == SR_OK ? SR_OK : store_db_fail(st);
}

sr_status store_commit(sr_store *st)
{
    return sr_db_commit(st->db) == SR_OK ? SR_OK : store_db_fail(st);
}

void store_rollback(sr_store *st)
{
    /* keep the message of the failure that caused the rollback */
    char keep[sizeof st->msg];
    memcpy(keep, st->msg, sizeof keep);
    sr_db_rollback(st->db);
    memcpy(st->msg, keep, sizeof keep);
}

uint64_t store_hash(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* --- dates (proleptic Gregorian; Howard Hinnant's days_from_civil) ------ */

static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return n[m - 1];
}

/* "YYYY-MM-DD" without printf: the fields are in range by construction. */
static void put_date(char out[STORE_DATE_LEN], long y, unsigned m, unsigned d)
{
    y = y < 0 ? 0 : y > 9999 ? 9999 : y;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = out[7] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int store_date_norm(const char *s, int last, char out[STORE_DATE_LEN])
{
    if (!s)
        return -1;
    size_t n = strlen(s);
    int y = n >= 4 ? digits(s, 4) : -1, m = 0, d = 0;
    if (y < 1 || (n != 4 && n != 7 && n != 10))
        return -1;
    if (n >= 7 && (s[4] != '-' || (m = digits(s + 5, 2)) < 1 || m > 12))
        return -1;
    if (n == 10 && (s[7] != '-' || (d = digits(s + 8, 2)) < 1 || d > days_in_month(y, m)))
        return -1;
    if (!m)
        m = last ? 12 : 1;
    if (!d)
        d = last ? days_in_month(y, m) : 1;
    put_date(out, y, (unsigned)m, (unsigned)d);
    return 0;
}

int store_date_days(const char *iso, long *days)
{
    char d[STORE_DATE_LEN];
    if (!iso || strlen(iso) != 10 || store_date_norm(iso, 0, d))
        return -1;
    *days = days_from_civil(digits(d, 4), (unsigned)digits(d + 5, 2), (unsigned)digits(d + 8, 2));
    return 0;
}

void store_days_date(long z, char out[STORE_DATE_LEN])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    put_date(out, y, m, d);
}

int store_date_add(const char *iso, long delta, char out[STORE_DATE_LEN])
{
    long d;
    if (store_date_days(iso, &d))
        return -1;
    store_days_date(d + delta, out);
    return 0;
}

int store_precision_rank(const char *p)
{
    if (!p)
        return 5;
    if (!strcmp(p, "day"))
        return 1;
    if (!strcmp(p, "week"))
        return 2;
    if (!strcmp(p, "month"))
        return 3;
    if (!strcmp(p, "year"))
        return 4;
    return 5;
}

/* --- names --------------------------------------------------------------- */

static const char SQL_ACTOR_BY_ID[] = "SELECT actor_id FROM actors WHERE actor_id = ?";
static const char SQL_ACTOR_BY_NAME[] =
    "SELECT actor_id FROM actors WHERE name = ? ORDER BY actor_id LIMIT 1";
static const char SQL_ACTOR_BY_ALIAS[] =
    "SELECT actor_id FROM mentions WHERE kind = 'actor' AND surface = ? AND role IS NULL"
    " AND actor_id IS NOT NULL ORDER BY actor_id LIMIT 1";

int store_actor_id(sr_store *st, const char *name, char *out, size_t n)
{
    if (!name || !*name)
        return 0;
    if (st->kb) {
        int i = sr_kb_lookup_actor(st->kb, name);
        if (i >= 0) {
            snprintf(out, n, "%s", sr_kb_actor(st->kb, (size_t)i)->id);
            return 1;
        }
        return 0;
    }
    /* Without a kb: an id, a canonical name, or a surface form some stored
     * mention resolved. */
    const char *const sqls[] = {SQL_ACTOR_BY_ID, SQL_ACTOR_BY_NAME, SQL_ACTOR_BY_ALIAS};
    for (size_t k = 0; k < 3; k++) {
        sr_stmt *s = store_stmt(st, sqls[k], "t", name);
        if (!s)
            return -1;
        int r = store_step(st, s);
        if (r > 0)
            snprintf(out, n, "%s", sr_stmt_text(s, 0));
        sr_stmt_reset(s);
        if (r != 0)
            return r;
    }
    return 0;
}

/* --- the handle ---------------------------------------------------------- */

sr_status sr_store_open(sr_store **out, const char *target, const sr_kb *kb, int readonly,
                        char *err, size_t errlen)
{
    *out = NULL;
    if (!target || !*target) {
        if (err && errlen)
            snprintf(err, errlen, "no database given");
        return SR_EINVAL;
    }
    sr_store *st = calloc(1, sizeof *st);
    if (!st) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory");
        return SR_ENOMEM;
    }
    st->kb = kb;
    st->readonly = readonly;
    sr_status rc = sr_db_open(&st->db, target, readonly, err, errlen);
    if (rc != SR_OK) {
        free(st);
        return rc;
    }
    rc = readonly ? store_schema_check(st) : store_schema_migrate(st);
    if (rc != SR_OK) {
        store_report(st, rc, err, errlen);
        sr_store_close(st);
        return rc;
    }
    *out = st;
    return SR_OK;
}

void sr_store_close(sr_store *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->n_cache; i++)
        sr_stmt_finalize(st->cache[i].stmt);
    for (size_t i = 0; i < STORE_KEPT; i++) {
        sr_stmt_finalize(st->kept[i].stmt);
        free(st->kept[i].sql);
    }
    free(st->mention_batch_sql);
    sr_db_close(st->db);
    free(st);
}
