/* test_store.c - the store on SQLite and, when SITREP_PG_URL names a server
 * (make test runs under tests/pg.sh), on PostgreSQL: the same scenario on
 * both, whose every query and export must come out byte-identical.
 *
 * Scenario (tests/fixtures/store/): three differently worded reports of
 * one takeover of Atarib and a fourth elsewhere (takeover.jsonl), relation
 * facts between fictional actors (relations.jsonl: an alliance closed by
 * hostility, control passing, a leader succeeded), strikes told at three
 * precisions (chain.jsonl), an idempotent re-ingest,
 * then a corrected version of one report (takeover-corrected.jsonl).  When
 * the shared seed articles are at ../shared/seeds, they are analysed and
 * stored too, and the documented picture of the seeds is checked. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_util.h"

#include "sitrep/analyze.h"
#include "sitrep/db.h"
#include "sitrep/store.h"

#define FIX "tests/fixtures/store/"
#define SEEDS "../shared/seeds/seeds.jsonl"

static sr_kb *kb;
static char sqlite_dir[64];
static char *dump_sqlite, *dump_pg;

static int setup(void **state)
{
    (void)state;
    char err[512];
    sr_kb_options o = {.data_dir = "data", .cache_dir = ""};
    if (sr_kb_load(&kb, &o, err, sizeof err) != SR_OK) {
        fprintf(stderr, "kb: %s\n", err);
        return -1;
    }
    snprintf(sqlite_dir, sizeof sqlite_dir, "/tmp/sitrep-store-XXXXXX");
    return mkdtemp(sqlite_dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", sqlite_dir);
    if (system(cmd) != 0)
        return -1;
    sr_kb_free(kb);
    free(dump_sqlite);
    free(dump_pg);
    return 0;
}

/* Ingests every line of PATH; each must come back as WANT. */
static void ingest_file(sr_store *st, const char *path, sr_ingest_result want)
{
    size_t len = 0;
    char *text = test_read_file(path, &len);
    for (char *p = text, *nl; p < text + len; p = nl + 1) {
        nl = strchr(p, '\n');
        if (!nl)
            nl = text + len;
        char err[512] = "";
        sr_ingest_result res;
        sr_status rc = sr_store_ingest(st, p, (size_t)(nl - p), &res, err, sizeof err);
        if (rc != SR_OK)
            fail_msg("%s: %s", path, err);
        assert_int_equal(res, want);
    }
    free(text);
}

/* --- answers as text ------------------------------------------------------- */

static void expect_ok(sr_status rc, const char *what, const char *err)
{
    if (rc != SR_OK)
        fail_msg("%s: %s (%s)", what, sr_status_str(rc), err);
}

static void add_export(sr_store *st, sr_export_format f, const sr_event_query *q, const char *at,
                       sr_buf *b)
{
    char *mem = NULL, err[512] = "";
    size_t n = 0;
    FILE *out = open_memstream(&mem, &n);
    assert_non_null(out);
    sr_status rc = sr_store_export(st, f, q, at, out, err, sizeof err);
    fclose(out);
    expect_ok(rc, "export", err);
    sr_buf_append(b, mem, n);
    free(mem);
}

/* Every query and export, each under a heading, into B. */
static void dump(sr_store *st, sr_buf *b)
{
    char err[512] = "";
    sr_event_query all = {0};
    sr_event_query hts = {.actor = "HTS", .from = "2019", .to = "2019-01"};
    sr_event_query near = {.near = "Atarib", .km = 15, .limit = 2};
    sr_event_query typed = {.type = "Strategic developments", .admin1 = "aleppo", .offset = 1};
#define Q(name, call)                                                                              \
    do {                                                                                           \
        sr_buf_puts(b, "== " name "\n");                                                           \
        sr_status rc_ = (call);                                                                    \
        if (rc_ == SR_DONE)                                                                        \
            sr_buf_puts(b, "(none)\n");                                                            \
        else                                                                                       \
            expect_ok(rc_, name, err);                                                             \
    } while (0)
    Q("events", sr_store_events(st, &all, b, err, sizeof err));
    Q("events hts", sr_store_events(st, &hts, b, err, sizeof err));
    Q("events near", sr_store_events(st, &near, b, err, sizeof err));
    Q("events typed", sr_store_events(st, &typed, b, err, sizeof err));
    Q("event a", sr_store_event(st, "aaaa000000000001", b, err, sizeof err));
    Q("event b", sr_store_event(st, "bbbb000000000001", b, err, sizeof err));
    Q("timeline", sr_store_timeline(st, "Hay'at Tahrir al-Sham", b, err, sizeof err));
    Q("actor hts", sr_store_actor(st, "HTS", b, err, sizeof err));
    Q("actor alpha", sr_store_actor(st, "Alpha Brigade", b, err, sizeof err));
    Q("actors", sr_store_actors(st, "hay", b, err, sizeof err));
    Q("relations", sr_store_relations(st, NULL, NULL, b, err, sizeof err));
    Q("relations 2017-12-01", sr_store_relations(st, "2017-12-01", NULL, b, err, sizeof err));
    Q("relations 2018-10-07 zenki",
      sr_store_relations(st, "2018-10-07", "Zenki", b, err, sizeof err));
    Q("control kafr", sr_store_control(st, "Kafr Test", NULL, NULL, b, err, sizeof err));
    Q("control atarib at", sr_store_control(st, "Atarib", "2019-01-06", NULL, b, err, sizeof err));
    Q("control aleppo", sr_store_control(st, NULL, "2019-01-06", "Aleppo", b, err, sizeof err));
    Q("documents", sr_store_documents(st, 0, 0, b, err, sizeof err));
    Q("documents page", sr_store_documents(st, 2, 1, b, err, sizeof err));
    Q("document a", sr_store_document(st, "tko-a", b, err, sizeof err));
#undef Q
    static const sr_export_format fmts[] = {SR_EXPORT_ACLED_CSV, SR_EXPORT_JSONL, SR_EXPORT_GEOJSON,
                                            SR_EXPORT_GRAPHML, SR_EXPORT_DOT};
    for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
        sr_buf_printf(b, "== export %d\n", (int)fmts[i]);
        add_export(st, fmts[i], &all, NULL, b);
    }
    sr_buf_puts(b, "== export dot at\n");
    add_export(st, SR_EXPORT_DOT, &all, "2018-10-07", b);
    assert_int_equal(b->status, SR_OK);
}

static char *answer(sr_status (*q)(sr_store *, const char *, sr_buf *, char *, size_t),
                    sr_store *st, const char *arg)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    char err[512] = "";
    expect_ok(q(st, arg, &b, err, sizeof err), arg, err);
    char *s = strdup(b.data ? b.data : "");
    sr_buf_free(&b);
    return s;
}

static char *relations_at(sr_store *st, const char *date, const char *actor)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    char err[512] = "";
    expect_ok(sr_store_relations(st, date, actor, &b, err, sizeof err), "relations", err);
    char *s = strdup(b.data ? b.data : "");
    sr_buf_free(&b);
    return s;
}

static char *control_of(sr_store *st, const char *place, const char *date)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    char err[512] = "";
    expect_ok(sr_store_control(st, place, date, NULL, &b, err, sizeof err), "control", err);
    char *s = strdup(b.data ? b.data : "");
    sr_buf_free(&b);
    return s;
}

static size_t lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The line of S containing every one of the NUL-terminated NEEDLES. */
static const char *line_with(const char *s, const char *a, const char *b)
{
    for (const char *p = s; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = strndup(p, n);
        int hit = strstr(line, a) && (!b || strstr(line, b));
        free(line);
        if (hit)
            return p;
        p += n + (e ? 1 : 0);
    }
    return NULL;
}

/* The line of S whose own (first) "type" is TYPE and which contains B. */
static const char *line_of_type(const char *s, const char *type, const char *b)
{
    char want[64];
    snprintf(want, sizeof want, "\"type\":\"%s\"", type);
    for (const char *p = s; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = strndup(p, n);
        const char *t = strstr(line, "\"type\":\"");
        int hit = t && !strncmp(t, want, strlen(want)) && (!b || strstr(line, b));
        free(line);
        if (hit)
            return p;
        p += n + (e ? 1 : 0);
    }
    return NULL;
}

/* --- checks ------------------------------------------------------------------ */

static void check_dedup(sr_store *st)
{
    sr_event_query q = {.type = "Non-state actor overtakes territory"};
    sr_buf b;
    sr_buf_init(&b, NULL);
    char err[512] = "";
    expect_ok(sr_store_events(st, &q, &b, err, sizeof err), "events", err);
    /* three reports of Atarib -> one event; the same report's second
     * Atarib event stays apart; Darat Izza is another place */
    assert_int_equal(lines(b.data), 3);
    const char *one = line_with(b.data, "\"event_id\":\"aaaa000000000001\"", NULL);
    assert_non_null(one);
    assert_non_null(strstr(one, "\"n_sources\":3"));
    assert_non_null(strstr(one, "\"fatalities\":3,")); /* lowest toll; a silent 0 ignored */
    assert_non_null(strstr(one, "\"event_date\":\"2019-01-05\",\"time_precision\":\"day\""));
    assert_non_null(strstr(one, "\"doc_id\":\"tko-c\""));
    assert_non_null(line_with(b.data, "\"event_id\":\"cccc000000000002\"", "\"n_sources\":1"));
    assert_non_null(line_with(b.data, "Darat Izza", "\"n_sources\":1"));
    /* any report's event id finds the merged event */
    char *e = answer(sr_store_event, st, "bbbb000000000001");
    assert_non_null(strstr(e, "\"event_id\":\"aaaa000000000001\""));
    assert_non_null(strstr(e, "\"text\":\"Clashes between HTS and Thuwar al-Sham in Atarib"));
    free(e);
    /* the reader's comment is kept apart from the body */
    char *d = answer(sr_store_document, st, "tko-a");
    assert_non_null(strstr(d, "\"comments\":[{\"author\":\"reader\""));
    assert_non_null(strstr(d, "\"text\":\"Atarib again. Nothing ever changes there.\"}]"));
    const char *body = strstr(d, "\"body\":[");
    assert_non_null(body);
    assert_null(strstr(body, "Nothing ever changes") < strstr(body, "\"comments\"") &&
                        strstr(body, "Nothing ever changes")
                    ? "comment in body"
                    : NULL);
    free(d);
    sr_buf_free(&b);
}

/* A month-precision report joins a day's, but does not chain other days of
 * its month to it; reports sharing only "civilians" share no actor. */
static void check_chain(sr_store *st)
{
    sr_event_query q = {.type = "Air/drone strike", .admin1 = "Idleb"};
    sr_buf b;
    sr_buf_init(&b, NULL);
    char err[512] = "";
    expect_ok(sr_store_events(st, &q, &b, err, sizeof err), "events", err);
    assert_int_equal(lines(b.data), 4);
    assert_non_null(line_with(b.data, "\"event_id\":\"h000000000000000\"", "\"n_sources\":2"));
    assert_non_null(line_with(b.data, "\"event_id\":\"h000000000000000\"",
                              "\"event_date\":\"2020-01-05\",\"time_precision\":\"day\""));
    assert_non_null(line_with(b.data, "\"event_id\":\"j000000000000000\"", "\"n_sources\":1"));
    assert_non_null(line_with(b.data, "\"event_id\":\"k000000000000000\"", "\"n_sources\":1"));
    assert_non_null(line_with(b.data, "\"event_id\":\"l000000000000000\"", "\"n_sources\":1"));
    sr_buf_free(&b);
    char *d = answer(sr_store_document, st, "chain-h");
    assert_non_null(strstr(
        d, "\"dateline\":{\"text\":\"Binnish report\",\"span\":[0,14],\"date\":\"2020-01-06\"}"));
    free(d);
}

static void check_intervals(sr_store *st)
{
    char *r = relations_at(st, "2017-12-01", "Alpha Brigade");
    const char *al = line_of_type(r, "allied", NULL);
    assert_non_null(al);
    /* symmetric: subject < object, whichever way the report put it */
    assert_non_null(strstr(al, "\"subject\":\"Alpha Brigade\""));
    assert_non_null(strstr(al, "\"object\":\"Beta Front\""));
    assert_non_null(strstr(al, "\"valid_from\":\"2017-11-17\",\"valid_to\":\"2018-10-04\""));
    assert_non_null(strstr(al, "\"closed_by\":{\"type\":\"hostile\""));
    assert_null(line_of_type(r, "hostile", NULL));
    free(r);
    r = relations_at(st, "2018-10-07", "Beta Front");
    assert_null(line_of_type(r, "allied", NULL));
    const char *ho = line_of_type(r, "hostile", NULL);
    assert_non_null(ho);
    /* both reports' facts, either way round, in one interval */
    assert_non_null(strstr(ho, "r-f-1"));
    assert_non_null(strstr(ho, "r-f-2"));
    free(r);
    /* control passes; leaders succeed; an ended fact told later */
    char *c = control_of(st, "Kafr Test", NULL);
    assert_int_equal(lines(c), 2);
    assert_non_null(line_with(c, "\"subject\":\"Alpha Brigade\"",
                              "\"valid_from\":\"2017-11-18\",\"valid_to\":\"2018-10-05\""));
    assert_non_null(line_with(c, "\"subject\":\"Beta Front\"", "\"valid_to\":null"));
    free(c);
    c = control_of(st, "Kafr Test", "2018-01-01");
    assert_int_equal(lines(c), 1);
    assert_non_null(strstr(c, "Alpha Brigade now holds Kafr Test"));
    free(c);
    r = relations_at(st, NULL, "Commander Gamma");
    assert_non_null(
        line_of_type(r, "leads", "\"valid_from\":\"2016-01-01\",\"valid_to\":\"2018-12-31\""));
    assert_non_null(
        line_of_type(r, "member_of", "\"valid_from\":null,\"valid_to\":\"2018-12-31\""));
    free(r);
    r = relations_at(st, "2019-06-01", "Alpha Brigade");
    assert_non_null(
        line_of_type(r, "leads", "\"subject\":\"Commander Delta\",\"subject_id\":null"));
    assert_null(line_with(r, "\"subject\":\"Commander Gamma\"", NULL));
    free(r);
}

static void check_correction(sr_store *st)
{
    sr_event_query q = {.type = "Non-state actor overtakes territory", .admin2 = "Jebel Saman"};
    sr_buf b;
    sr_buf_init(&b, NULL);
    char err[512] = "";
    expect_ok(sr_store_events(st, &q, &b, err, sizeof err), "events", err);
    assert_int_equal(lines(b.data), 3);
    /* the old version's event is gone: the cluster is named after its
     * first remaining report, the corrected report rejoins it */
    assert_null(strstr(b.data, "aaaa000000000001"));
    const char *one = line_with(b.data, "\"event_id\":\"bbbb000000000001\"", NULL);
    assert_non_null(one);
    assert_non_null(strstr(one, "\"n_sources\":3"));
    assert_non_null(strstr(one, "\"fatalities\":4,"));
    assert_non_null(strstr(one, "aaaa000000000002"));
    sr_buf_free(&b);
    sr_buf_init(&b, NULL);
    assert_int_equal(sr_store_event(st, "aaaa000000000001", &b, err, sizeof err), SR_DONE);
    assert_int_equal(b.len, 0);
    sr_buf_free(&b);
    char *d = answer(sr_store_document, st, "tko-a");
    assert_non_null(strstr(d, "the monitor later corrected"));
    assert_null(strstr(d, "Three fighters were killed"));
    assert_non_null(strstr(d, "\"comments\":[]"));
    free(d);
}

static void check_errors(sr_store *st)
{
    sr_buf b;
    sr_buf_init(&b, NULL);
    char err[512] = "";
    sr_event_query bad = {.from = "2019-13"};
    assert_int_equal(sr_store_events(st, &bad, &b, err, sizeof err), SR_EINVAL);
    assert_non_null(strstr(err, "from"));
    sr_event_query who = {.actor = "Nobody At All"};
    assert_int_equal(sr_store_events(st, &who, &b, err, sizeof err), SR_EINVAL);
    assert_non_null(strstr(err, "Nobody At All"));
    sr_event_query nowhere = {.near = "Qwxzy", .km = 5};
    assert_int_equal(sr_store_events(st, &nowhere, &b, err, sizeof err), SR_EINVAL);
    assert_int_equal(b.len, 0);
    sr_ingest_result res;
    static const char *const bundles[] = {
        "{\"doc_id\":\"x\"",
        "{\"doc_id\":\"x\",\"hash\":\"1\"}",
        "{\"doc_id\":\"x\",\"hash\":\"1\",\"text\":\"abc\",\"events\":[{\"event_id\":\"e\","
        "\"evidence\":[{\"start\":1,\"end\":9}]}]}",
        "{\"doc_id\":\"x\",\"hash\":\"1\",\"text\":\"abc\",\"relations\":[{\"relation_id\":\"r\","
        "\"type\":\"likes\",\"subject\":\"a\",\"object\":\"b\"}]}",
        "{\"doc_id\":\"x\",\"hash\":\"1\",\"text\":\"abc\",\"events\":[{\"event_id\":"
        "\"aaaa000000000001\"}]}",
    };
    static const char *const why[] = {"not valid JSON", "text", "events[0].evidence[0]",
                                      "relations[0].type", "already stored"};
    for (size_t i = 0; i < sizeof bundles / sizeof *bundles; i++) {
        err[0] = '\0';
        sr_status rc = sr_store_ingest(st, bundles[i], strlen(bundles[i]), &res, err, sizeof err);
        assert_int_not_equal(rc, SR_OK);
        if (!strstr(err, why[i]))
            fail_msg("bundle %zu: '%s' lacks '%s'", i, err, why[i]);
    }
    /* a failed bundle leaves nothing behind */
    assert_int_equal(sr_store_document(st, "x", &b, err, sizeof err), SR_DONE);
    sr_buf_free(&b);
}

/* The documented picture of the seed articles (when they are at hand). */
static void check_seeds(sr_store *st)
{
    FILE *f = fopen(SEEDS, "r");
    if (!f) {
        printf("[ SKIPPED  ] store seeds: %s not found\n", SEEDS);
        return;
    }
    sr_annotator *an = NULL;
    assert_int_equal(sr_annotator_new(&an, kb), SR_OK);
    sr_doc doc;
    assert_int_equal(sr_doc_init(&doc, NULL), SR_OK);
    sr_buf bundle;
    sr_buf_init(&bundle, NULL);
    char *line = NULL, err[512] = "";
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        sr_buf_clear(&bundle);
        if (sr_analyze_jsonl(kb, an, &doc, line, (size_t)n, &bundle, err, sizeof err) != SR_OK)
            continue;
        sr_ingest_result res;
        expect_ok(sr_store_ingest(st, bundle.data, bundle.len, &res, err, sizeof err), "seed", err);
    }
    free(line);
    fclose(f);
    sr_buf_free(&bundle);
    sr_doc_free(&doc);
    sr_annotator_free(an);
    assert_int_equal(sr_store_finish(st), SR_OK);
    char *r = relations_at(st, "2017-12-01", "Zenki");
    assert_non_null(line_of_type(r, "allied", "\"object_id\":\"ZENKI\""));
    assert_non_null(line_of_type(r, "allied", "\"subject_id\":\"HTS\""));
    assert_null(line_of_type(r, "hostile", "\"subject_id\":\"HTS\",\"object\""));
    free(r);
    r = relations_at(st, "2018-10-07", "ZENKI");
    assert_non_null(line_of_type(r, "hostile", "\"subject_id\":\"HTS\""));
    assert_null(line_of_type(r, "allied", "\"subject_id\":\"HTS\""));
    free(r);
    char *c = control_of(st, "Atarib", "2019-01-06");
    assert_non_null(line_with(c, "\"subject_id\":\"HTS\"", "\"evidence\":[{\"doc_id\":\"004_"));
    free(c);
}

/* The whole scenario on TARGET; returns the dumps taken along the way. */
static char *scenario(const char *target)
{
    sr_store *st = NULL;
    char err[512] = "";
    if (sr_store_open(&st, target, kb, 0, err, sizeof err) != SR_OK)
        fail_msg("open %s: %s", target, err);
    assert_int_equal(sr_store_load_kb(st, kb), SR_OK);
    assert_int_equal(sr_store_load_kb(st, kb), SR_OK); /* idempotent */
    ingest_file(st, FIX "takeover.jsonl", SR_INGEST_ADDED);
    ingest_file(st, FIX "relations.jsonl", SR_INGEST_ADDED);
    ingest_file(st, FIX "chain.jsonl", SR_INGEST_ADDED);
    assert_int_equal(sr_store_finish(st), SR_OK);
    sr_buf first, again, out;
    sr_buf_init(&first, NULL);
    sr_buf_init(&again, NULL);
    sr_buf_init(&out, NULL);
    dump(st, &first);
    check_dedup(st);
    check_chain(st);
    check_intervals(st);
    check_errors(st);

    /* the same bundles again: nothing changes */
    ingest_file(st, FIX "takeover.jsonl", SR_INGEST_UNCHANGED);
    ingest_file(st, FIX "relations.jsonl", SR_INGEST_UNCHANGED);
    assert_int_equal(sr_store_load_kb(st, kb), SR_OK);
    assert_int_equal(sr_store_finish(st), SR_OK);
    assert_int_equal(sr_store_finish(st), SR_OK);
    dump(st, &again);
    assert_string_equal(first.data, again.data);

    ingest_file(st, FIX "takeover-corrected.jsonl", SR_INGEST_REPLACED);
    assert_int_equal(sr_store_finish(st), SR_OK);
    check_correction(st);
    sr_buf_append(&out, first.data, first.len);
    dump(st, &out);
    sr_store_close(st);

    /* read-only: the same answers */
    assert_int_equal(sr_store_open(&st, target, NULL, 1, err, sizeof err), SR_OK);
    sr_ingest_result res;
    assert_int_equal(sr_store_ingest(st, "{}", 2, &res, err, sizeof err), SR_EINVAL);
    char *a = answer(sr_store_actor, st, "Hay'at Tahrir al-Sham");
    assert_non_null(strstr(a, "\"id\":\"HTS\""));
    free(a);
    sr_store_close(st);

    assert_int_equal(sr_store_open(&st, target, kb, 0, err, sizeof err), SR_OK);
    check_seeds(st);
    sr_store_close(st);

    sr_buf_free(&first);
    sr_buf_free(&again);
    assert_int_equal(out.status, SR_OK);
    return out.data;
}

static void test_sqlite(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/store.db", sqlite_dir);
    dump_sqlite = scenario(path);
    assert_non_null(dump_sqlite);
}

static void test_postgres(void **state)
{
    (void)state;
    const char *url = getenv("SITREP_PG_URL");
    if (!url || !*url) {
        printf("[ SKIPPED  ] store-postgresql: SITREP_PG_URL is not set (run under tests/pg.sh)\n");
        return;
    }
    /* a schema of its own, so other tests sharing the server are not touched */
    sr_db *db = NULL;
    char err[512] = "", target[1024];
    assert_int_equal(sr_db_open(&db, url, 0, err, sizeof err), SR_OK);
    assert_int_equal(sr_db_exec(db, "DROP SCHEMA IF EXISTS sitrep_store_test CASCADE;"
                                    "CREATE SCHEMA sitrep_store_test"),
                     SR_OK);
    sr_db_close(db);
    snprintf(target, sizeof target, "%s%soptions=-csearch_path%%3Dsitrep_store_test", url,
             strchr(url, '?') ? "&" : "?");
    dump_pg = scenario(target);
    assert_non_null(dump_sqlite);
    assert_string_equal(dump_sqlite, dump_pg);
}

static void test_table(void **state)
{
    (void)state;
    const char *in = "{\"a\":\"x\",\"b\":{\"c\":12},\"l\":[\"p\",\"q\"]}\n"
                     "{\"a\":\"longer value\",\"b\":null,\"l\":[{\"k\":1}]}\n";
    const char *const cols[] = {"a", "b.c", "l"};
    sr_buf b;
    sr_buf_init(&b, NULL);
    assert_int_equal(sr_store_table(in, strlen(in), cols, 3, &b), SR_OK);
    assert_string_equal(b.data, "a             b.c  l\n"
                                "x             12   p, q\n"
                                "longer value       [1]\n");
    sr_buf_clear(&b);
    assert_int_equal(sr_store_record(in, strlen(in), &b), SR_OK);
    assert_non_null(strstr(b.data, "a  x\nb  c=12\nl  p, q\n"));
    assert_non_null(strstr(b.data, "l  (1)\n   - k=1\n"));
    sr_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_sqlite),
        cmocka_unit_test(test_postgres),
    };
    return cmocka_run_group_tests_name("store", tests, setup, teardown);
}
