/* test_db.c - the SQL layer (db.h): one test body run against SQLite (a
 * temporary file) and, when SITREP_PG_URL names a server (tests/pg.sh sets
 * it up), against PostgreSQL; then both backends side by side, which must
 * read back identical values.  The placeholder rewrite of the PostgreSQL
 * backend is checked without a server. */
#include "test_util.h"

#include <math.h>
#include <unistd.h>

#include "sitrep/db.h"
#include "store/db_int.h"

typedef struct db_ctx {
    char path[64]; /* SQLite file; "" for PostgreSQL */
    const char *target;
    sr_db *db;
} db_ctx;

#define OK(db, call)                                                                               \
    do {                                                                                           \
        sr_status st_ = (call);                                                                    \
        if (st_ != SR_OK)                                                                          \
            fail_msg("%s: %s: %s", #call, sr_status_str(st_), sr_db_error(db));                    \
    } while (0)

#define STEP(s, want)                                                                              \
    do {                                                                                           \
        int rc_ = sr_stmt_step(s);                                                                 \
        if (rc_ != (want))                                                                         \
            fail_msg("step gave %d, not %d: %s", rc_, (want), sr_db_error(s_db));                  \
    } while (0)

/* Drops what a previous run against the same PostgreSQL database left. */
static const char *schema = "DROP TABLE IF EXISTS db_child;"
                            "DROP TABLE IF EXISTS db_item;"
                            "CREATE TABLE db_item (id BIGINT PRIMARY KEY, n BIGINT,"
                            " x DOUBLE PRECISION, s TEXT);"
                            "CREATE TABLE db_child (id BIGINT PRIMARY KEY,"
                            " item BIGINT NOT NULL REFERENCES db_item(id))";

static void remove_sqlite(const char *path)
{
    char side[80];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

static int open_ctx(db_ctx *c)
{
    char err[256];
    if (sr_db_open(&c->db, c->target, 0, err, sizeof err) != SR_OK) {
        fprintf(stderr, "open: %s\n", err);
        return -1;
    }
    return sr_db_exec(c->db, schema) == SR_OK ? 0 : -1;
}

static int setup_sqlite(void **state)
{
    db_ctx *c = calloc(1, sizeof *c);
    snprintf(c->path, sizeof c->path, "/tmp/sitrep-test-db.XXXXXX");
    int fd = mkstemp(c->path);
    if (fd < 0)
        return -1;
    close(fd);
    c->target = c->path;
    *state = c;
    return open_ctx(c);
}

static int setup_pg(void **state)
{
    db_ctx *c = calloc(1, sizeof *c);
    c->target = getenv("SITREP_PG_URL");
    *state = c;
    return open_ctx(c);
}

static int teardown(void **state)
{
    db_ctx *c = *state;
    sr_db_close(c->db);
    if (c->path[0])
        remove_sqlite(c->path);
    free(c);
    return 0;
}

static int64_t query_int(sr_db *db, const char *sql)
{
    sr_stmt *s;
    OK(db, sr_db_prepare(db, sql, &s));
    if (sr_stmt_step(s) != 1)
        fail_msg("%s: no row: %s", sql, sr_db_error(db));
    int64_t v = sr_stmt_int(s, 0);
    sr_stmt_finalize(s);
    return v;
}

/* Values chosen to break a careless round trip: extreme integers, doubles
 * that need all 17 digits, a subnormal, quotes and '?' in text, every UTF-8
 * length, and NULLs. */
typedef struct row {
    int64_t id;
    int n_null, x_null;
    int64_t n;
    double x;
    const char *s;
} row;

static const row rows[] = {
    {1, 0, 0, INT64_MAX, 0.1, "plain"},
    {2, 0, 0, INT64_MIN, 1.0 / 3.0, "it's \"quoted\" ? and ?\?' ?\?( ?\?) with 'apostrophes'"},
    {3, 0, 0, 0, -1e308, "ünïcödé – ☃ 𝄞 دمشق 😀 \xf0\x9f\x87\xb8\xf0\x9f\x87\xbe"},
    {4, 0, 0, -1, 4.9406564584124654e-324, ""},
    {5, 1, 1, 0, 0, NULL},
    {6, 0, 0, 42, 123456789.12345679, "back\\slash\n\ttab; DROP TABLE db_item; --"},
};
#define N_ROWS (sizeof rows / sizeof *rows)

static void insert_rows(sr_db *db)
{
    sr_stmt *s;
    OK(db, sr_db_prepare(db, "INSERT INTO db_item (id, n, x, s) VALUES (?, ?, ?, ?)", &s));
    for (size_t i = 0; i < N_ROWS; i++) {
        const row *r = &rows[i];
        OK(db, sr_stmt_bind_int(s, 1, r->id));
        OK(db, r->n_null ? sr_stmt_bind_null(s, 2) : sr_stmt_bind_int(s, 2, r->n));
        OK(db, r->x_null ? sr_stmt_bind_null(s, 3) : sr_stmt_bind_double(s, 3, r->x));
        OK(db, sr_stmt_bind_text(s, 4, r->s, (size_t)-1));
        sr_db *s_db = db;
        STEP(s, 0);
        assert_int_equal(sr_stmt_changes(s), 1);
        sr_stmt_reset(s);
    }
    sr_stmt_finalize(s);
}

static void values_round_trip(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    assert_string_equal(sr_db_error(db), "");
    insert_rows(db);
    sr_stmt *s;
    OK(db, sr_db_prepare(db, "SELECT id, n, x, s FROM db_item ORDER BY id", &s));
    for (size_t i = 0; i < N_ROWS; i++) {
        const row *r = &rows[i];
        STEP(s, 1);
        assert_int_equal(sr_stmt_columns(s), 4);
        assert_int_equal(sr_stmt_int(s, 0), r->id);
        assert_int_equal(sr_stmt_is_null(s, 1), r->n_null);
        assert_int_equal(sr_stmt_is_null(s, 2), r->x_null);
        if (!r->n_null)
            assert_true(sr_stmt_int(s, 1) == r->n);
        if (!r->x_null && sr_stmt_double(s, 2) != r->x)
            fail_msg("row %lld: %.17g read back as %.17g", (long long)r->id, r->x,
                     sr_stmt_double(s, 2));
        if (r->s)
            assert_string_equal(sr_stmt_text(s, 3), r->s);
        else
            assert_null(sr_stmt_text(s, 3));
        assert_null(sr_stmt_text(s, 4)); /* past the last column */
    }
    STEP(s, 0);
    STEP(s, 0); /* stays done until reset */
    assert_null(sr_stmt_text(s, 0));
    sr_stmt_finalize(s);
}

/* '?' inside literals, quoted identifiers and comments is not a parameter. */
static void literals_keep_question_marks(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    sr_stmt *s;
    OK(db, sr_db_prepare(db,
                         "SELECT 'it''s ? here' AS \"a?\", CAST(? AS TEXT) || '?''?', /* ? */"
                         " CAST(? AS BIGINT) -- trailing ?\n",
                         &s));
    OK(db, sr_stmt_bind_text(s, 1, "x'?", 3));
    OK(db, sr_stmt_bind_int(s, 2, -5));
    assert_int_equal(sr_stmt_bind_int(s, 3, 1), SR_EINVAL); /* only two */
    assert_string_not_equal(sr_db_error(db), "");
    STEP(s, 1);
    assert_string_equal(sr_stmt_text(s, 0), "it's ? here");
    assert_string_equal(sr_stmt_text(s, 1), "x'?\?'?");
    assert_int_equal(sr_stmt_int(s, 2), -5);
    STEP(s, 0);
    sr_stmt_finalize(s);
    OK(db, sr_db_exec(db, "INSERT INTO db_item (id, s) VALUES (9, 'what? ''why?''')"));
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_item WHERE s = 'what? ''why?'''"), 1);
}

static void upsert_and_changes(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    sr_stmt *up, *keep;
    OK(db, sr_db_prepare(db,
                         "INSERT INTO db_item (id, n) VALUES (?, ?)"
                         " ON CONFLICT (id) DO UPDATE SET n = excluded.n + db_item.n",
                         &up));
    OK(db, sr_db_prepare(db, "INSERT INTO db_item (id, n) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         &keep));
    for (int i = 0; i < 3; i++) {
        sr_stmt_bind_int(up, 1, 7);
        sr_stmt_bind_int(up, 2, 10);
        STEP(up, 0);
        assert_int_equal(sr_stmt_changes(up), 1);
        sr_stmt_reset(up);
    }
    assert_int_equal(query_int(db, "SELECT n FROM db_item WHERE id = 7"), 30);
    sr_stmt_bind_int(keep, 1, 7);
    sr_stmt_bind_int(keep, 2, 99);
    STEP(keep, 0);
    assert_int_equal(sr_stmt_changes(keep), 0);
    assert_int_equal(query_int(db, "SELECT n FROM db_item WHERE id = 7"), 30);
    sr_stmt *del;
    OK(db, sr_db_prepare(db, "DELETE FROM db_item WHERE id >= ?", &del));
    sr_stmt_bind_int(del, 1, 0);
    STEP(del, 0);
    assert_int_equal(sr_stmt_changes(del), 1);
    sr_stmt *sel;
    OK(db, sr_db_prepare(db, "SELECT count(*) FROM db_item", &sel));
    STEP(sel, 1);
    STEP(sel, 0);
    assert_int_equal(sr_stmt_changes(sel), 0); /* a query changes nothing */
    sr_stmt_finalize(sel);
    sr_stmt_finalize(del);
    sr_stmt_finalize(up);
    sr_stmt_finalize(keep);
}

#define BULK 100000

static void fill_bulk(sr_db *db, int n)
{
    sr_db *s_db = db;
    sr_stmt *s;
    char text[32];
    OK(db, sr_db_begin(db));
    OK(db, sr_db_prepare(db, "INSERT INTO db_item (id, n, x, s) VALUES (?, ?, ?, ?)", &s));
    for (int i = 1; i <= n; i++) {
        int len = snprintf(text, sizeof text, "row-%d", i);
        sr_stmt_bind_int(s, 1, i);
        sr_stmt_bind_int(s, 2, (int64_t)i * 3 - 7);
        sr_stmt_bind_double(s, 3, i / 7.0);
        sr_stmt_bind_text(s, 4, text, (size_t)len);
        STEP(s, 0);
        sr_stmt_reset(s);
    }
    sr_stmt_finalize(s);
    OK(db, sr_db_commit(db));
}

static void bulk_insert_and_scan(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    fill_bulk(db, BULK);
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_item"), BULK);
    sr_stmt *s;
    char text[32];
    OK(db, sr_db_prepare(db, "SELECT id, n, x, s FROM db_item WHERE id > ? ORDER BY id", &s));
    sr_stmt_bind_int(s, 1, 0);
    for (int i = 1; i <= BULK; i++) {
        STEP(s, 1);
        snprintf(text, sizeof text, "row-%d", i);
        if (sr_stmt_int(s, 0) != i || sr_stmt_int(s, 1) != (int64_t)i * 3 - 7 ||
            sr_stmt_double(s, 2) != i / 7.0 || strcmp(sr_stmt_text(s, 3), text) != 0)
            fail_msg("row %d read back wrong", i);
    }
    STEP(s, 0);
    sr_stmt_finalize(s);
}

static void rollback_discards(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db;
    insert_rows(db);
    OK(db, sr_db_begin(db));
    OK(db,
       sr_db_exec(db, "INSERT INTO db_item (id) VALUES (100); DELETE FROM db_item WHERE id = 1"));
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_item"), N_ROWS);
    OK(db, sr_db_rollback(db));
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_item"), N_ROWS);
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_item WHERE id = 1"), 1);
    /* A failed statement inside a transaction: rolling back recovers. */
    OK(db, sr_db_begin(db));
    assert_int_equal(sr_db_exec(db, "INSERT INTO db_item (id) VALUES (1)"), SR_EIO);
    OK(db, sr_db_rollback(db));
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_item"), N_ROWS);
}

static void errors_have_messages(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    sr_stmt *s = (sr_stmt *)1;
    assert_int_equal(sr_db_prepare(db, "SELEC 1", &s), SR_EIO);
    assert_null(s);
    assert_string_not_equal(sr_db_error(db), "");
    assert_int_equal(sr_db_prepare(db, "SELECT * FROM no_such_table", &s), SR_EIO);
    assert_non_null(strstr(sr_db_error(db), "no_such_table"));
    assert_int_equal(sr_db_exec(db, "CREATE TABLE"), SR_EIO);
    assert_string_not_equal(sr_db_error(db), "");

    insert_rows(db);
    OK(db, sr_db_prepare(db, "INSERT INTO db_item (id) VALUES (?)", &s));
    sr_stmt_bind_int(s, 1, 1);
    STEP(s, -1); /* duplicate key */
    assert_string_not_equal(sr_db_error(db), "");
    STEP(s, -1);                /* stays failed until reset */
    sr_stmt_bind_int(s, 1, 50); /* rebinding starts a new run */
    STEP(s, 0);
    assert_string_equal(sr_db_error(db), "");
    sr_stmt_finalize(s);

    OK(db, sr_db_prepare(db, "INSERT INTO db_child (id, item) VALUES (?, ?)", &s));
    sr_stmt_bind_int(s, 1, 1);
    sr_stmt_bind_int(s, 2, 12345); /* no such item: foreign keys are on */
    STEP(s, -1);
    assert_string_not_equal(sr_db_error(db), "");
    sr_stmt_bind_int(s, 2, 1);
    STEP(s, 0);
    sr_stmt_finalize(s);
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_child"), 1);
}

static void readonly_refuses_writes(void **state)
{
    db_ctx *c = *state;
    sr_db *ro, *s_db;
    char err[256];
    insert_rows(c->db);
    OK(c->db, sr_db_open(&ro, c->target, 1, err, sizeof err));
    s_db = ro;
    assert_int_equal(query_int(ro, "SELECT count(*) FROM db_item"), N_ROWS);
    assert_int_equal(sr_db_exec(ro, "INSERT INTO db_item (id) VALUES (77)"), SR_EIO);
    assert_string_not_equal(sr_db_error(ro), "");
    sr_stmt *s;
    if (sr_db_prepare(ro, "DELETE FROM db_item", &s) == SR_OK) {
        STEP(s, -1);
        sr_stmt_finalize(s);
    }
    OK(ro, sr_db_begin(ro));
    assert_int_equal(query_int(ro, "SELECT count(*) FROM db_item"), N_ROWS);
    OK(ro, sr_db_commit(ro));
    sr_db_close(ro);
    assert_int_equal(query_int(c->db, "SELECT count(*) FROM db_item"), N_ROWS);
}

static void reset_and_rebind(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    insert_rows(db);
    sr_stmt *s;
    OK(db, sr_db_prepare(db, "SELECT s FROM db_item WHERE id = ? OR id = ? ORDER BY id", &s));
    sr_stmt_bind_int(s, 1, 1);
    sr_stmt_bind_int(s, 2, -1);
    STEP(s, 1);
    assert_string_equal(sr_stmt_text(s, 0), "plain");
    STEP(s, 0);
    sr_stmt_reset(s);
    STEP(s, 1); /* bindings kept */
    assert_string_equal(sr_stmt_text(s, 0), "plain");
    sr_stmt_reset(s);
    sr_stmt_bind_int(s, 1, 4);
    STEP(s, 1);
    assert_string_equal(sr_stmt_text(s, 0), "");
    sr_stmt_bind_int(s, 2, 6); /* mid-run: starts over with the new value */
    STEP(s, 1);
    assert_string_equal(sr_stmt_text(s, 0), "");
    STEP(s, 1);
    assert_memory_equal(sr_stmt_text(s, 0), "back", 4);
    STEP(s, 0);
    sr_stmt_bind_null(s, 1);
    sr_stmt_bind_null(s, 2);
    STEP(s, 0);
    sr_stmt_finalize(s);
}

static void finalize_mid_iteration(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    enum { N = 5000 };
    fill_bulk(db, N);
    sr_stmt *a, *b;
    OK(db, sr_db_prepare(db, "SELECT id FROM db_item ORDER BY id", &a));
    for (int i = 1; i <= 10; i++) {
        STEP(a, 1);
        assert_int_equal(sr_stmt_int(a, 0), i);
    }
    sr_stmt_reset(a);
    STEP(a, 1); /* from the top again */
    assert_int_equal(sr_stmt_int(a, 0), 1);
    sr_stmt_finalize(a);
    assert_int_equal(query_int(db, "SELECT count(*) FROM db_item"), N);

    /* Mid-iteration inside a transaction: the transaction survives. */
    OK(db, sr_db_begin(db));
    OK(db, sr_db_prepare(db, "SELECT id FROM db_item ORDER BY id", &a));
    STEP(a, 1);
    sr_stmt_finalize(a);
    OK(db, sr_db_exec(db, "UPDATE db_item SET n = 0 WHERE id = 1"));
    OK(db, sr_db_commit(db));
    assert_int_equal(query_int(db, "SELECT n FROM db_item WHERE id = 1"), 0);

    /* Another statement runs between the rows of the first. */
    OK(db, sr_db_prepare(db, "SELECT id, s FROM db_item ORDER BY id", &a));
    OK(db, sr_db_prepare(db, "SELECT n FROM db_item WHERE id = ?", &b));
    int seen = 0;
    int rc;
    while ((rc = sr_stmt_step(a)) == 1) {
        seen++;
        assert_int_equal(sr_stmt_int(a, 0), seen);
        if (seen <= 3 || seen == N / 2) {
            char want[32];
            snprintf(want, sizeof want, "row-%d", seen);
            sr_stmt_bind_int(b, 1, seen + 1);
            STEP(b, 1);
            assert_int_equal(sr_stmt_int(b, 0), (int64_t)(seen + 1) * 3 - 7);
            assert_string_equal(sr_stmt_text(a, 1), want); /* a's row intact */
            if (seen == 2) {
                sr_stmt_finalize(b); /* b is mid-result */
                OK(db, sr_db_prepare(db, "SELECT n FROM db_item WHERE id = ?", &b));
            }
        }
    }
    assert_int_equal(rc, 0);
    assert_int_equal(seen, N);
    sr_stmt_finalize(a);
    sr_stmt_finalize(b);
}

/* PostgreSQL: a statement finalized inside a failed transaction is
 * deallocated after the rollback; none stay behind. */
static void pg_no_leaked_statements(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db;
    int64_t before = query_int(db, "SELECT count(*) FROM pg_prepared_statements");
    sr_stmt *s;
    OK(db, sr_db_begin(db));
    OK(db, sr_db_prepare(db, "SELECT 1", &s));
    assert_int_equal(sr_db_exec(db, "SELECT * FROM no_such_table"), SR_EIO);
    sr_stmt_finalize(s);
    assert_int_equal(sr_db_commit(db), SR_EIO); /* reported, not silent */
    assert_non_null(strstr(sr_db_error(db), "rolled back"));
    assert_int_equal(query_int(db, "SELECT count(*) FROM pg_prepared_statements"), before);
}

static void open_failures(void **state)
{
    sr_db *db = (sr_db *)1;
    char err[256];
    assert_int_equal(sr_db_open(&db, "/nonexistent-dir/x.db", 0, err, sizeof err), SR_EIO);
    assert_null(db);
    assert_non_null(strstr(err, "/nonexistent-dir/x.db"));
    assert_int_equal(sr_db_open(&db, "/nonexistent-dir/x.db", 1, err, sizeof err), SR_EIO);
    assert_int_equal(sr_db_open(&db, "", 0, err, sizeof err), SR_EINVAL);
    /* A password never shows in the message. */
    assert_int_equal(
        sr_db_open(&db, "postgresql://me:secret@127.0.0.1:1/x?password=pw2", 0, err, sizeof err),
        SR_EIO);
    assert_null(strstr(err, "secret"));
    assert_null(strstr(err, "pw2"));
    assert_non_null(strstr(err, "me:***@127.0.0.1:1"));
}

static void placeholder_rewrite(void **state)
{
    static const struct {
        const char *in, *out;
        int n;
    } cases[] = {
        {"SELECT ?", "SELECT $1", 1},
        {"VALUES (?,?, ?)", "VALUES ($1,$2, $3)", 3},
        {"SELECT 'a?''?' , ?", "SELECT 'a?''?' , $1", 1},
        {"SELECT \"q?\"\"?\" FROM t WHERE x=?", "SELECT \"q?\"\"?\" FROM t WHERE x=$1", 1},
        {"SELECT E'\\'?' , ?", "SELECT E'\\'?' , $1", 1},
        {"SELECT '\\' , ?", "SELECT '\\' , $1", 1}, /* no E: backslash is plain */
        {"SELECT ? -- ?\n, ?", "SELECT $1 -- ?\n, $2", 2},
        {"SELECT /* ? /* ? */ ? */ ?", "SELECT /* ? /* ? */ ? */ $1", 1},
        {"SELECT 'open ?", "SELECT 'open ?", 0},
        {"SELECT /* open ?", "SELECT /* open ?", 0},
        {"", "", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int n = -1;
        char *out = db_pg_placeholders(cases[i].in, &n);
        assert_non_null(out);
        assert_string_equal(out, cases[i].out);
        assert_int_equal(n, cases[i].n);
        free(out);
    }
    char big[200];
    memset(big, '?', 11);
    big[11] = '\0';
    int n;
    char *out = db_pg_placeholders(big, &n);
    assert_string_equal(out, "$1$2$3$4$5$6$7$8$9$10$11");
    free(out);
}

static void sqlite_settings(void **state)
{
    db_ctx *c = *state;
    sr_db *db = c->db, *s_db = db;
    assert_int_equal(sr_db_kind(db), SR_DB_SQLITE);
    sr_stmt *s;
    OK(db, sr_db_prepare(db, "PRAGMA journal_mode", &s));
    STEP(s, 1);
    assert_string_equal(sr_stmt_text(s, 0), "wal");
    sr_stmt_finalize(s);
    assert_int_equal(query_int(db, "PRAGMA foreign_keys"), 1);
    assert_int_equal(query_int(db, "PRAGMA synchronous"), 1); /* NORMAL */
    assert_int_equal(sr_db_prepare(db, "SELECT 1; SELECT 2", &s), SR_EINVAL);
}

/* Writes every value of a query as text that differs whenever a value
 * differs: integers in decimal, doubles in hexadecimal. */
static char *dump(sr_db *db, const char *sql)
{
    sr_stmt *s;
    OK(db, sr_db_prepare(db, sql, &s));
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    int rc;
    while ((rc = sr_stmt_step(s)) == 1) {
        char line[512];
        int k = snprintf(line, sizeof line, "%lld|", (long long)sr_stmt_int(s, 0));
        if (sr_stmt_is_null(s, 1))
            k += snprintf(line + k, sizeof line - (size_t)k, "NULL|");
        else
            k += snprintf(line + k, sizeof line - (size_t)k, "%lld|", (long long)sr_stmt_int(s, 1));
        if (sr_stmt_is_null(s, 2))
            k += snprintf(line + k, sizeof line - (size_t)k, "NULL|");
        else
            k += snprintf(line + k, sizeof line - (size_t)k, "%a|", sr_stmt_double(s, 2));
        const char *t = sr_stmt_text(s, 3);
        k += snprintf(line + k, sizeof line - (size_t)k, "%s|%lld\n", t ? t : "NULL",
                      (long long)sr_stmt_int(s, 4));
        if (len + (size_t)k + 1 > cap)
            out = realloc(out, cap *= 2);
        memcpy(out + len, line, (size_t)k + 1);
        len += (size_t)k;
    }
    assert_int_equal(rc, 0);
    sr_stmt_finalize(s);
    return out;
}

/* Both backends, same statements, same answers. */
static void backends_agree(void **state)
{
    db_ctx *pg = *state;
    void *st;
    assert_int_equal(setup_sqlite(&st), 0);
    db_ctx *lp = st;
    sr_db *dbs[2] = {lp->db, pg->db};
    char *out[2];
    const char *q = "SELECT id, n, x, s, length(s) FROM db_item"
                    " WHERE id <= 3 OR s >= 'row-5' ORDER BY id";
    for (int b = 0; b < 2; b++) {
        insert_rows(dbs[b]);
        OK(dbs[b], sr_db_exec(dbs[b], "DELETE FROM db_item WHERE id > 3"));
        sr_stmt *s;
        OK(dbs[b],
           sr_db_prepare(dbs[b], "INSERT INTO db_item (id, n, x, s) VALUES (?, ?, ?, ?)", &s));
        for (int i = 10; i < 1010; i++) {
            char t[32];
            sr_db *s_db = dbs[b];
            snprintf(t, sizeof t, "row-%d", i * 7919 % 1000);
            sr_stmt_bind_int(s, 1, i);
            sr_stmt_bind_int(s, 2, (int64_t)i * i * i * i * i);
            sr_stmt_bind_double(s, 3, sqrt(i) * 1e-300);
            sr_stmt_bind_text(s, 4, t, (size_t)-1);
            STEP(s, 0);
        }
        sr_stmt_finalize(s);
        OK(dbs[b],
           sr_db_exec(dbs[b],
                      "UPDATE db_item SET x = x * 3, n = n - id WHERE id >= 10 AND id % 3 = 0"));
        out[b] = dump(dbs[b], q);
    }
    assert_true(strlen(out[0]) > 10000);
    assert_string_equal(out[0], out[1]);
    free(out[0]);
    free(out[1]);
    teardown(&st);
}

#define COMMON_TESTS(setup)                                                                        \
    cmocka_unit_test_setup_teardown(values_round_trip, setup, teardown),                           \
        cmocka_unit_test_setup_teardown(literals_keep_question_marks, setup, teardown),            \
        cmocka_unit_test_setup_teardown(upsert_and_changes, setup, teardown),                      \
        cmocka_unit_test_setup_teardown(bulk_insert_and_scan, setup, teardown),                    \
        cmocka_unit_test_setup_teardown(rollback_discards, setup, teardown),                       \
        cmocka_unit_test_setup_teardown(errors_have_messages, setup, teardown),                    \
        cmocka_unit_test_setup_teardown(readonly_refuses_writes, setup, teardown),                 \
        cmocka_unit_test_setup_teardown(reset_and_rebind, setup, teardown),                        \
        cmocka_unit_test_setup_teardown(finalize_mid_iteration, setup, teardown)

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(open_failures),
        cmocka_unit_test(placeholder_rewrite),
    };
    const struct CMUnitTest sqlite[] = {
        COMMON_TESTS(setup_sqlite),
        cmocka_unit_test_setup_teardown(sqlite_settings, setup_sqlite, teardown),
    };
    const struct CMUnitTest pg[] = {
        COMMON_TESTS(setup_pg),
        cmocka_unit_test_setup_teardown(pg_no_leaked_statements, setup_pg, teardown),
        cmocka_unit_test_setup_teardown(backends_agree, setup_pg, teardown),
    };
    int failed = cmocka_run_group_tests_name("db", plain, NULL, NULL);
    failed += cmocka_run_group_tests_name("db-sqlite", sqlite, NULL, NULL);
    const char *url = getenv("SITREP_PG_URL");
    if (url && *url)
        failed += cmocka_run_group_tests_name("db-postgresql", pg, NULL, NULL);
    else
        printf("[ SKIPPED  ] db-postgresql: SITREP_PG_URL is not set (run under tests/pg.sh)\n");
    return failed;
}
